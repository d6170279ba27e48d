package dev.okrledger.command.keyresult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** One recorded check-in, as much of it as the key result needs to recognise it when sent again. */
record CheckIn(
        UUID checkInId,
        Instant effectiveAt,
        BigDecimal value,
        int confidence,
        String note,
        String blockers,
        String decision,
        List<String> milestonesDone) {

    boolean sameContentAs(RecordCheckIn command, BigDecimal commandValue) {
        return value.compareTo(commandValue) == 0
                && confidence == command.confidence()
                && Objects.equals(note, command.note())
                && Objects.equals(blockers, command.blockers())
                && Objects.equals(decision, command.decision())
                && Set.copyOf(milestonesDone).equals(Set.copyOf(command.milestonesDone()))
                && (command.effectiveAt() == null || command.effectiveAt().equals(effectiveAt));
    }
}
