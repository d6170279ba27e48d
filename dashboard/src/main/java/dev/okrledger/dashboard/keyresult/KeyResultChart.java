package dev.okrledger.dashboard.keyresult;

import dev.okrledger.dashboard.Display;
import dev.okrledger.dashboard.readmodel.Cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the key result's chart plots, on one time axis in weeks since the cycle started: progress per
 * check-in and per measurement (marked {@code measured}) against the expected line (its planned checkpoints included, as the read model gives it),
 * confidence 0–10 over the band areas, and markers for pivots and target changes.
 *
 * @param weeks       length of the cycle in weeks (the x axis ends there)
 * @param greenFrom   lowest green confidence; {@code amberFrom} the lowest amber one
 */
record KeyResultChart(
        String unit,
        double weeks,
        int greenFrom,
        int amberFrom,
        List<Point> progress,
        List<Point> expected,
        List<Point> confidence,
        List<Marker> pivots,
        List<Marker> targetChanges) {

    /**
     * @param label    what the tooltip says: the day and the value in the key result's unit
     * @param measured a measurement's value (drawn with its own marker), not a check-in's
     */
    record Point(double x, double y, String label, boolean measured) {

        Point(double x, double y, String label) {
            this(x, y, label, false);
        }
    }

    record Marker(double x, String label) {}

    static KeyResultChart of(KeyResultDetail detail, Cycle cycle, int greenFrom, int amberFrom) {
        Display d = Display.INSTANCE;
        List<Point> progress = detail.series().stream()
                .map(p -> new Point(
                        weeks(cycle, p.effectiveAt()),
                        Display.percent(p.progress()),
                        d.day(p.effectiveAt()) + ": " + Display.amount(p.value(), detail.unit())
                                + (p.measured() ? ", measured" + (p.source() == null ? "" : " by " + p.source()) : ""),
                        p.measured()))
                .toList();
        List<Point> expected = detail.expectedLine().stream()
                .map(e -> new Point(
                        weeks(cycle, e.at()),
                        Display.percent(e.expectedProgress()),
                        d.day(e.at()) + ": expected " + Display.percent(e.expectedProgress()) + " %"))
                .toList();
        // measurements carry no confidence: that line joins the check-ins only
        List<Point> confidence = detail.series().stream()
                .filter(p -> !p.measured())
                .map(p -> new Point(
                        weeks(cycle, p.effectiveAt()),
                        p.confidence(),
                        d.day(p.effectiveAt()) + ": " + p.confidence() + "/10 " + p.band()))
                .toList();
        // a pivot decided at a check-in is marked at the week that check-in speaks for
        Map<UUID, Instant> checkIns = detail.series().stream()
                .filter(p -> !p.measured())
                .collect(Collectors.toMap(
                        KeyResultDetail.Point::checkInId, KeyResultDetail.Point::effectiveAt, (a, b) -> a));
        List<Marker> pivots = detail.pivots().stream()
                .map(p -> new Marker(
                        weeks(
                                cycle,
                                p.checkInId() != null && checkIns.containsKey(p.checkInId())
                                        ? checkIns.get(p.checkInId())
                                        : p.at()),
                        "Pivot of " + p.initiativeTitle() + " to " + p.toApproach() + ": " + p.reason()))
                .toList();
        List<Marker> targets = detail.targetChanges().stream()
                .map(t -> new Marker(
                        weeks(cycle, t.at()),
                        "Target " + Display.amount(t.fromTarget(), null) + " → "
                                + Display.amount(t.toTarget(), detail.unit()) + ": " + t.reason()))
                .toList();
        return new KeyResultChart(
                detail.unit(),
                weeks(cycle, cycle.end()),
                greenFrom,
                amberFrom,
                progress,
                expected,
                confidence,
                pivots,
                targets);
    }

    /** Weeks since the cycle started, with two decimals. */
    static double weeks(Cycle cycle, Instant at) {
        double weeks = Duration.between(cycle.start(), at).toMinutes() / (7 * 24 * 60.0);
        return Math.round(weeks * 100) / 100.0;
    }
}
