package dev.okrledger.contract.policy;

import dev.okrledger.contract.event.ConfidenceBand;

import java.time.Duration;
import java.util.function.Function;

/**
 * The organisation's OKR policy: the numbers {@code docs/domain.md} marks as defaults.
 *
 * @param greenFrom        lowest confidence in the green band (default 7)
 * @param amberFrom        lowest confidence in the amber band (default 4); below it is red
 * @param sharpDropPoints  a confidence fall of at least this many points between consecutive
 *                         check-ins is a sharp drop (default 3)
 * @param paceTolerance    a KR is behind pace when progress &lt; expected − this (default 0.10)
 * @param missedCheckInGrace grace after one cadence period before a KR counts as stale (default 2 days)
 */
public record OkrPolicy(
        int greenFrom, int amberFrom, int sharpDropPoints, double paceTolerance, Duration missedCheckInGrace) {

    public static final int MIN_CONFIDENCE = 0;
    public static final int MAX_CONFIDENCE = 10;

    public OkrPolicy {
        if (!(MIN_CONFIDENCE < amberFrom && amberFrom < greenFrom && greenFrom <= MAX_CONFIDENCE)) {
            throw new IllegalArgumentException("Confidence bands need 0 < amberFrom < greenFrom <= 10, got amberFrom="
                    + amberFrom + " greenFrom=" + greenFrom);
        }
        if (sharpDropPoints < 1) {
            throw new IllegalArgumentException("sharpDropPoints must be at least 1, got " + sharpDropPoints);
        }
        if (paceTolerance < 0 || paceTolerance >= 1) {
            throw new IllegalArgumentException("paceTolerance must be in [0, 1), got " + paceTolerance);
        }
        if (missedCheckInGrace.isNegative()) {
            throw new IllegalArgumentException("missedCheckInGrace must not be negative");
        }
    }

    public static OkrPolicy defaults() {
        return new OkrPolicy(7, 4, 3, 0.10, Duration.ofDays(2));
    }

    /**
     * Builds a policy from string settings (e.g. Spring properties {@code okr.policy.*}); a missing
     * setting keeps its default.
     */
    public static OkrPolicy from(Function<String, String> setting) {
        OkrPolicy d = defaults();
        return new OkrPolicy(
                intOr(setting.apply("green-from"), d.greenFrom()),
                intOr(setting.apply("amber-from"), d.amberFrom()),
                intOr(setting.apply("sharp-drop-points"), d.sharpDropPoints()),
                setting.apply("pace-tolerance") == null
                        ? d.paceTolerance()
                        : Double.parseDouble(setting.apply("pace-tolerance").trim()),
                setting.apply("missed-check-in-grace") == null
                        ? d.missedCheckInGrace()
                        : Duration.parse(setting.apply("missed-check-in-grace").trim()));
    }

    private static int intOr(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    public ConfidenceBand bandOf(int confidence) {
        if (confidence < MIN_CONFIDENCE || confidence > MAX_CONFIDENCE) {
            throw new IllegalArgumentException("confidence must be 0..10, got " + confidence);
        }
        if (confidence >= greenFrom) {
            return ConfidenceBand.GREEN;
        }
        return confidence >= amberFrom ? ConfidenceBand.AMBER : ConfidenceBand.RED;
    }

    /** A sharp drop: a fall of at least {@link #sharpDropPoints} or a worse band. A rise never is. */
    public boolean isSharpDrop(int fromConfidence, int toConfidence) {
        if (toConfidence >= fromConfidence) {
            return false;
        }
        return fromConfidence - toConfidence >= sharpDropPoints
                || bandOf(fromConfidence).worsensTo(bandOf(toConfidence));
    }

    /** A KR is behind pace when its progress trails the expected progress by more than the tolerance. */
    public boolean isBehindPace(double progress, double expectedProgress) {
        return progress < expectedProgress - paceTolerance;
    }
}
