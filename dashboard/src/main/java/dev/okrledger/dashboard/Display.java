package dev.okrledger.dashboard;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.dashboard.readmodel.Cycle;
import dev.okrledger.dashboard.readmodel.RiskReason;
import dev.okrledger.dashboard.readmodel.Trend;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, dates and states in the words the pages use. Dates are UTC, as cycle days are; a band is
 * always named, never only coloured.
 */
public final class Display {

    /** For templates: {@code ${display.day(...)}}. */
    public static final Display INSTANCE = new Display();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private Display() {}

    /** 0.4375 → 44 */
    public static int percent(double fraction) {
        return (int) Math.round(fraction * 100);
    }

    public static Integer percent(Double fraction) {
        return fraction == null ? null : percent(fraction.doubleValue());
    }

    /** 8.50 and "hours" → "8.5 hours"; null → "–" */
    public static String amount(BigDecimal value, String unit) {
        if (value == null) {
            return "–";
        }
        String number = value.stripTrailingZeros().toPlainString();
        return unit == null || unit.isBlank() ? number : number + " " + unit;
    }

    /** "12 → 4 hours" */
    public static String range(BigDecimal baseline, BigDecimal target, String unit) {
        return amount(baseline, null) + " → " + amount(target, unit);
    }

    public static String band(ConfidenceBand band) {
        return band == null ? "NO CHECK-IN" : band.name();
    }

    public static String pace(PaceVerdict pace) {
        return pace == null ? "no pace yet" : pace == PaceVerdict.BEHIND ? "behind pace" : "on pace";
    }

    public static String trend(Trend trend) {
        return switch (trend == null ? Trend.FLAT : trend) {
            case UP -> "↑ rising";
            case DOWN -> "↓ falling";
            case FLAT -> "→ steady";
        };
    }

    public static String reason(RiskReason reason) {
        return switch (reason) {
            case RED -> "red confidence";
            case AMBER -> "amber confidence";
            case BEHIND_PACE -> "behind pace";
            case STALE -> "missed check-in";
        };
    }

    public String day(Instant at) {
        return at == null ? "–" : DAY.format(at.atZone(ZoneOffset.UTC));
    }

    public String day(LocalDate date) {
        return date == null ? "–" : DAY.format(date);
    }

    public String moment(Instant at) {
        return at == null ? "–" : MOMENT.format(at.atZone(ZoneOffset.UTC));
    }

    /** "week 9 of 13, day 56 of 91" for a moment inside the cycle. */
    public static String position(Cycle cycle, Instant at) {
        long days = Duration.between(cycle.start(), cycle.end()).toDays();
        long weeks = (days + 6) / 7;
        if (at.isBefore(cycle.start())) {
            return "starts " + INSTANCE.day(cycle.startsOn());
        }
        if (!at.isBefore(cycle.end())) {
            return "ended " + INSTANCE.day(cycle.endsOn());
        }
        long day = Duration.between(cycle.start(), at).toDays();
        return "week " + (day / 7 + 1) + " of " + weeks + ", day " + day + " of " + days;
    }

    public String window(Cycle cycle) {
        return day(cycle.startsOn()) + " – " + day(cycle.endsOn().minusDays(1));
    }

    /** A confidence out of ten, or a dash before the first check-in. */
    public String confidence(Integer confidence) {
        return confidence == null ? "–" : confidence + "/10";
    }

    public String score(Double score) {
        return score == null ? "–" : String.format(Locale.ROOT, "%.2f", score);
    }
}
