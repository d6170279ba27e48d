package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.OkrEvent;

import java.time.Instant;
import java.util.List;

/**
 * What the tracking step made of one event: the event, its moment, and each key result it concerns, before
 * and after (one for a key result's event, every key result of a cycle or objective for theirs, none for a
 * definition or an owner change).
 */
public record Tracked(OkrEvent event, Instant at, List<KeyResultChange> keyResults) {

    public Tracked {
        keyResults = List.copyOf(keyResults);
    }
}
