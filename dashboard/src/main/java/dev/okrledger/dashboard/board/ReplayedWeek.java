package dev.okrledger.dashboard.board;

import java.time.Instant;

/**
 * One finished week of a cycle as a board ({@code GET /api/cycles/{id}/replay/board}).
 *
 * @param finishedWeeks how many weeks have ended (0: none yet, and the rest is null)
 * @param endsAt        the end of the week shown, the moment its board stands at
 */
record ReplayedWeek(int finishedWeeks, Integer week, Instant endsAt, Dashboard board) {}
