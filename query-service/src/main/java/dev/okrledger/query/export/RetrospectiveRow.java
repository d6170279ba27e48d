package dev.okrledger.query.export;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.replay.Retrospective;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One key result's outcome in a closed cycle, beside its objective's score and retrospective notes;
 * the same figures as the retrospective read model. Pivots and target changes are counted here and
 * listed in full by {@code GET /api/cycles/{id}/retrospective}.
 *
 * @param notes the objective's retrospective notes, oldest first, one per line
 */
record RetrospectiveRow(
        UUID objectiveId,
        String objectiveTitle,
        ObjectiveLevel level,
        String team,
        Double objectiveScore,
        UUID keyResultId,
        String keyResultTitle,
        String owner,
        BigDecimal finalValue,
        Double score,
        Boolean graded,
        Boolean targetHit,
        Integer finalConfidence,
        Double brierScore,
        Integer checkIns,
        Integer periods,
        Integer periodsWithCheckIn,
        Double adherence,
        Long pivots,
        Long targetChanges,
        String notes) {

    static RetrospectiveRow of(
            Retrospective retrospective, Retrospective.ObjectiveScore o, Retrospective.KeyResultScore k) {
        String notes = o.notes().isEmpty()
                ? null
                : o.notes().stream().map(Retrospective.Note::note).collect(Collectors.joining("\n"));
        if (k == null) {
            return new RetrospectiveRow(
                    o.id(), o.title(), o.level(), o.team(), o.score(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, notes);
        }
        return new RetrospectiveRow(
                o.id(),
                o.title(),
                o.level(),
                o.team(),
                o.score(),
                k.id(),
                k.title(),
                k.owner(),
                k.finalValue(),
                k.score(),
                k.graded(),
                k.targetHit(),
                k.finalConfidence(),
                k.brierScore(),
                k.trajectory().size(),
                k.adherence().periods(),
                k.adherence().periodsWithCheckIn(),
                k.adherence().share(),
                retrospective.pivots().stream()
                        .filter(p -> p.keyResultId().equals(k.id()))
                        .count(),
                retrospective.targetChanges().stream()
                        .filter(c -> c.keyResultId().equals(k.id()))
                        .count(),
                notes);
    }
}
