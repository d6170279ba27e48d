package dev.okrledger.contract.event;

import java.util.List;

/**
 * The owner handles linked to a person changed. A key result's {@code owner} is a free handle (such
 * as {@code support-lead}); a linked handle names this person. Carries every linked handle as it is
 * now; a handle is linked to one person at most.
 */
public record PersonHandlesChanged(String subject, List<String> handles) implements OkrEvent {

    public PersonHandlesChanged {
        handles = NameSets.of(handles);
    }

    @Override
    public String partitionKey() {
        return subject;
    }
}
