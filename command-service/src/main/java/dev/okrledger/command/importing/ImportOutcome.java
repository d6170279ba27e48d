package dev.okrledger.command.importing;

import java.util.List;
import java.util.UUID;

/**
 * What an import did (or, on a dry run, would do) with each objective and key result of the file.
 *
 * @param created        objectives and key results recorded by this request
 * @param alreadyPresent those an earlier import of the same rows had recorded: left as they are
 */
public record ImportOutcome(
        UUID cycleId, boolean dryRun, int created, int alreadyPresent, List<Item> objectives, List<Item> keyResults) {

    public enum Status {
        CREATED,
        ALREADY_PRESENT,
        WOULD_CREATE
    }

    /**
     * @param row          the objective's first row, or the key result's row
     * @param objectiveRef the objective's ref in the file
     * @param title        as the file gives it
     */
    public record Item(int row, String objectiveRef, String title, UUID id, Status outcome) {}
}
