package dev.okrledger.command.keyresult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A key result's check-ins, by id and in effective order (a late check-in slots in where it was effective). */
final class CheckIns {

    private Map<UUID, CheckIn> byId = new HashMap<>();
    /** In effective order; ties keep the order of recording. */
    private List<CheckIn> timeline = new ArrayList<>();

    Optional<CheckIn> withId(UUID checkInId) {
        return Optional.ofNullable(byId.get(checkInId));
    }

    Set<UUID> ids() {
        return Collections.unmodifiableSet(byId.keySet());
    }

    void record(CheckIn checkIn) {
        byId.put(checkIn.checkInId(), checkIn);
        timeline.add(checkIn);
        // stable sort: equal moments keep the order in which they were recorded
        timeline.sort(Comparator.comparing(CheckIn::effectiveAt));
    }

    /** The check-in in effect at {@code moment}: the last one effective at or before it. */
    Optional<CheckIn> inEffectAt(Instant moment) {
        CheckIn found = null;
        for (CheckIn c : timeline) {
            if (c.effectiveAt().isAfter(moment)) {
                break;
            }
            found = c;
        }
        return Optional.ofNullable(found);
    }

    /** The last check-in in effective order. */
    Optional<CheckIn> last() {
        return timeline.isEmpty() ? Optional.empty() : Optional.of(timeline.get(timeline.size() - 1));
    }
}
