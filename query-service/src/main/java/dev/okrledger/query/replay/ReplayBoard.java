package dev.okrledger.query.replay;

import dev.okrledger.query.dashboard.Dashboard;

import java.time.Instant;

/**
 * One finished week of a cycle as a board page: the board at the end of that week, by effective time,
 * filtered and paged like the present dashboard.
 *
 * @param finishedWeeks how many weeks of the cycle have ended (0: none yet, and the rest is null)
 * @param week          the week shown, 1 to {@code finishedWeeks}
 * @param endsAt        the end of that week, the moment the board stands at
 */
public record ReplayBoard(int finishedWeeks, Integer week, Instant endsAt, Dashboard board) {}
