package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.policy.PaceJudgement;

import java.time.Instant;

/**
 * A reading that turned the key result's pace: on pace to behind, or back.
 *
 * @param judgement the reading's one judgement (progress, expected progress, planned or linear)
 * @param at        when it turned: the event's moment, or for a cycle that arrived late the reading's own
 *                  (a check-in's recording, a measurement's observation)
 */
public record PaceMove(Reading reading, PaceJudgement judgement, Instant at) {

    public boolean behind() {
        return judgement.behind();
    }
}
