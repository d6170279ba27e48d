package dev.okrledger.dashboard.board;

import java.util.List;
import java.util.UUID;

/**
 * The board as the page shows it, every number already rounded as displayed: two views are equal
 * exactly when the page would look the same, so {@link #version()} is what an open page's poll
 * compares to know whether anything changed.
 *
 * @param position        where in the cycle the board stands ("week 9 of 13, day 56 of 91")
 * @param expectedPercent elapsed share of the cycle at that moment
 */
public record BoardView(
        UUID cycleId,
        String cycleName,
        String cycleStatus,
        String position,
        int expectedPercent,
        Dashboard.BandCounts counts,
        List<Group> groups,
        List<Risk> atRisk,
        int atRiskTotal,
        Paging paging) {

    public record Group(String level, String team, List<Objective> objectives) {}

    /**
     * @param progressPercent null without key results
     * @param parentTitle     the objective it is aligned to; null at the top of the tree
     * @param aligned         objectives aligned to it, with their subtree progress
     */
    public record Objective(
            UUID id,
            String title,
            String level,
            String team,
            Integer progressPercent,
            int expectedPercent,
            String pace,
            String band,
            String trend,
            UUID parentId,
            String parentTitle,
            List<KeyResult> keyResults,
            List<Aligned> aligned) {}

    public record KeyResult(
            UUID id,
            String title,
            String owner,
            String value,
            String range,
            int progressPercent,
            int expectedPercent,
            String pace,
            boolean behind,
            String band,
            String confidence,
            String trend,
            boolean stale,
            String lastCheckIn) {}

    public record Aligned(UUID id, String title, String team, Integer percent) {}

    public record Risk(
            UUID keyResultId,
            String title,
            String objectiveTitle,
            String team,
            String band,
            String confidence,
            int progressPercent,
            int expectedPercent,
            List<String> reasons,
            String lastCheckIn) {}

    /** @param number zero-based */
    public record Paging(int number, int totalPages, long totalObjectives, int size) {

        public boolean hasPrevious() {
            return number > 0;
        }

        public boolean hasNext() {
            return number + 1 < totalPages;
        }
    }

    public String version() {
        return Integer.toHexString(hashCode());
    }

    public boolean empty() {
        return paging.totalObjectives() == 0;
    }
}
