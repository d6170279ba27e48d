package dev.okrledger.command.importing;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.importing.ImportOutcome.Item;
import dev.okrledger.command.importing.ImportOutcome.Status;
import dev.okrledger.command.importing.ImportPlan.PlannedKeyResult;
import dev.okrledger.command.importing.ImportPlan.PlannedObjective;
import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.OkrUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Imports a cycle's objectives and key results: validates every row, checks the user may issue
 * every command the file needs, then sends the define commands one by one through the command
 * gateway, skipping what an earlier import already recorded (ids are derived from the rows).
 * Each command is its own transaction: a failure half-way (a race with a close or a retirement)
 * leaves the rows before it recorded, and importing the same file again completes the rest.
 */
@Component
class CycleImport {

    private static final Logger log = LoggerFactory.getLogger(CycleImport.class);

    private final Directory directory;
    private final CommandGateway commands;

    CycleImport(Directory directory, CommandGateway commands) {
        this.directory = directory;
        this.commands = commands;
    }

    ImportOutcome run(UUID cycleId, ImportFileReader.ImportFile file, boolean dryRun, MetaData metadata) {
        CycleFacts cycle = directory
                .cycle(cycleId)
                .orElseThrow(() ->
                        ImportProblem.of(HttpStatus.NOT_FOUND, "unknown-cycle", null, "No cycle with id " + cycleId));
        if (cycle.status() == CycleStatus.CLOSED) {
            throw ImportProblem.of(
                    HttpStatus.CONFLICT, "cycle-not-closed", null, "Objectives cannot be added to a closed cycle");
        }
        ImportPlan plan = new ImportValidator(cycleId, cycle, directory).validate(file);
        requirePermission(plan);
        Predicate<UUID> objectiveExists = id -> directory.objective(id).isPresent();
        Predicate<UUID> keyResultExists = id -> directory.cycleOfKeyResult(id).isPresent();
        List<Item> objectives = new ArrayList<>();
        List<Item> keyResults = new ArrayList<>();
        int created = 0;
        for (PlannedObjective o : plan.objectives()) {
            Status status = dryRun
                    ? dryRun(o.alreadyPresent())
                    : send(o.command(), o.command().objectiveId(), o.row(), created, objectiveExists, metadata);
            created += status == Status.CREATED ? 1 : 0;
            objectives.add(
                    new Item(o.row(), o.ref(), o.command().title(), o.command().objectiveId(), status));
        }
        for (PlannedKeyResult k : plan.keyResults()) {
            Status status = dryRun
                    ? dryRun(k.alreadyPresent())
                    : send(k.command(), k.command().keyResultId(), k.row(), created, keyResultExists, metadata);
            created += status == Status.CREATED ? 1 : 0;
            keyResults.add(new Item(
                    k.row(), k.objectiveRef(), k.command().title(), k.command().keyResultId(), status));
        }
        int present = (int) Stream.concat(objectives.stream(), keyResults.stream())
                .filter(i -> i.outcome() == Status.ALREADY_PRESENT)
                .count();
        return new ImportOutcome(cycleId, dryRun, created, present, objectives, keyResults);
    }

    /** The define commands' own rule: members change their teams' OKRs, leads and admins everyone's. */
    private static void requirePermission(ImportPlan plan) {
        OkrUser user = CurrentUser.get();
        List<RowError> forbidden = new ArrayList<>();
        plan.objectives().stream()
                .filter(o -> !o.alreadyPresent() && !user.mayChange(o.command().team(), null))
                .forEach(o -> forbidden.add(teamError(o.row(), o.command().team())));
        plan.keyResults().stream()
                .filter(k -> !k.alreadyPresent() && !user.mayChange(k.team(), null))
                .forEach(k -> forbidden.add(teamError(k.row(), k.team())));
        if (!forbidden.isEmpty()) {
            throw ImportProblem.rows(
                    HttpStatus.FORBIDDEN,
                    "import-rows-forbidden",
                    "Only members of a row's team (or OKR leads) " + "may import it; " + forbidden.size()
                            + " rows are not yours to import, nothing was recorded",
                    forbidden);
        }
    }

    private static RowError teamError(int row, String team) {
        return new RowError(
                row,
                ImportColumn.TEAM.header(),
                "team-membership-required",
                "Only members of team '" + team + "' (or OKR leads) may import this row");
    }

    private static Status dryRun(boolean alreadyPresent) {
        return alreadyPresent ? Status.ALREADY_PRESENT : Status.WOULD_CREATE;
    }

    private Status send(Object command, UUID id, int row, int createdSoFar, Predicate<UUID> exists, MetaData metadata) {
        if (exists.test(id)) {
            return Status.ALREADY_PRESENT;
        }
        try {
            commands.sendAndWait(command, metadata);
            return Status.CREATED;
        } catch (RuntimeException e) {
            // a concurrent import of the same row won the race: the aggregate is there, as wanted
            if (exists.test(id)) {
                return Status.ALREADY_PRESENT;
            }
            log.warn("Import into row {} stopped after {} were recorded", row, createdSoFar, e);
            throw ImportProblem.interrupted(row, createdSoFar, e);
        }
    }
}
