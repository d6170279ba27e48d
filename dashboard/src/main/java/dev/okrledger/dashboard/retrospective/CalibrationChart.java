package dev.okrledger.dashboard.retrospective;

import dev.okrledger.dashboard.Display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confidence against outcome: one point per check-in, at its confidence (0–10) and its key result's
 * final score (0–100 %), one series per team. A well-calibrated team's points lie near the diagonal.
 */
record CalibrationChart(List<Series> teams) {

    record Series(String team, List<Point> points) {}

    record Point(double x, double y, String label) {}

    static CalibrationChart of(Retrospective retrospective) {
        Map<String, List<Point>> byTeam = new LinkedHashMap<>();
        for (Retrospective.ObjectiveScore objective : retrospective.objectives()) {
            List<Point> points = byTeam.computeIfAbsent(objective.team(), t -> new ArrayList<>());
            for (Retrospective.KeyResultScore kr : objective.keyResults()) {
                for (Retrospective.ConfidencePoint p : kr.trajectory()) {
                    points.add(new Point(
                            p.confidence(),
                            Display.percent(kr.score()),
                            kr.title() + ", " + Display.INSTANCE.day(p.effectiveAt()) + ": confidence " + p.confidence()
                                    + "/10, final score " + Display.percent(kr.score()) + " %"));
                }
            }
        }
        return new CalibrationChart(byTeam.entrySet().stream()
                .map(e -> new Series(e.getKey(), e.getValue()))
                .toList());
    }
}
