package dev.okrledger.command.support;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.ObjectiveFacts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A directory for aggregate tests: the facts a test declares, nothing else. */
public class InMemoryDirectory implements Directory {

    private final Map<UUID, CycleFacts> cycles = new HashMap<>();
    private final Map<UUID, ObjectiveFacts> objectives = new HashMap<>();
    private final Map<UUID, UUID> cycleOfKeyResult = new HashMap<>();
    private final Map<UUID, KeyResultAccess> keyResultAccess = new HashMap<>();

    public InMemoryDirectory cycle(CycleFacts cycle) {
        cycles.put(cycle.cycleId(), cycle);
        return this;
    }

    public InMemoryDirectory objective(ObjectiveFacts objective) {
        objectives.put(objective.objectiveId(), objective);
        return this;
    }

    /** A key result of no team and no owner: only OKR leads and admins may change it. */
    public InMemoryDirectory keyResult(UUID keyResultId, UUID cycleId) {
        return keyResult(keyResultId, cycleId, null, null);
    }

    public InMemoryDirectory keyResult(UUID keyResultId, UUID cycleId, String team, String owner) {
        cycleOfKeyResult.put(keyResultId, cycleId);
        keyResultAccess.put(keyResultId, new KeyResultAccess(team, owner));
        return this;
    }

    @Override
    public Optional<CycleFacts> cycle(UUID cycleId) {
        return Optional.ofNullable(cycles.get(cycleId));
    }

    @Override
    public Optional<ObjectiveFacts> objective(UUID objectiveId) {
        return Optional.ofNullable(objectives.get(objectiveId));
    }

    @Override
    public Optional<KeyResultAccess> keyResultAccess(UUID keyResultId) {
        return Optional.ofNullable(keyResultAccess.get(keyResultId));
    }

    @Override
    public Optional<KeyResultFacts> keyResult(UUID keyResultId) {
        return cycleOfKeyResult(keyResultId).map(cycle -> new KeyResultFacts(cycle, keyResultAccess.get(keyResultId)));
    }

    @Override
    public java.util.List<UUID> keyResultsOf(UUID cycleId) {
        return cycleOfKeyResult.entrySet().stream()
                .filter(e -> e.getValue().equals(cycleId))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public Optional<CycleFacts> cycleOfKeyResult(UUID keyResultId) {
        return Optional.ofNullable(cycleOfKeyResult.get(keyResultId)).map(cycles::get);
    }
}
