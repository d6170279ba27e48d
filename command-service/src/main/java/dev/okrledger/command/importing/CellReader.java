package dev.okrledger.command.importing;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.contract.event.Checkpoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns the cells of one row into typed values, noting each cell it cannot read instead of stopping. */
final class CellReader {

    /** As many as the command API takes per key result. */
    static final int MAX_CHECKPOINTS = 60;

    static final int MAX_MILESTONES = 50;
    static final int MAX_MILESTONE_LENGTH = 200;

    private final ImportRow row;
    private final List<RowError> errors;

    CellReader(ImportRow row, List<RowError> errors) {
        this.row = row;
        this.errors = errors;
    }

    void error(ImportColumn column, String rule, String message) {
        errors.add(new RowError(row.number(), column == null ? null : column.header(), rule, message));
    }

    /** Every filled cell within its column's length. */
    void checkLengths() {
        row.cells().forEach((column, text) -> {
            if (text.length() > column.maxLength()) {
                error(
                        column,
                        "invalid-field",
                        "At most " + column.maxLength() + " characters; this cell has " + text.length());
            }
        });
    }

    /** The cell's text; null, with an error, when blank. */
    String required(ImportColumn column) {
        String text = row.get(column);
        if (text == null) {
            error(column, "invalid-field", column.header() + " must not be blank");
        }
        return text;
    }

    /** The constant named by the cell, ignoring case; {@code fallback} when blank; null, with an error, when unknown. */
    <E extends Enum<E>> E enumValue(ImportColumn column, Class<E> type, E fallback) {
        String text = row.get(column);
        if (text == null) {
            if (fallback == null) {
                required(column);
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(
                    column,
                    "invalid-field",
                    column.header() + " is one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))
                            + "; got '" + text + "'");
            return null;
        }
    }

    /** A plain decimal with a dot ("12.5"); null when blank, or with an error when unreadable. */
    BigDecimal decimal(ImportColumn column) {
        String text = row.get(column);
        return text == null ? null : decimal(column, text);
    }

    private BigDecimal decimal(ImportColumn column, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            error(
                    column,
                    "invalid-field",
                    column.header() + " is a plain decimal with a dot, such as 12.5; got '" + text + "'");
            return null;
        }
    }

    /** Names separated by ';', e.g. {@code design;beta;launch}; each named once. */
    List<String> milestones() {
        String text = row.get(ImportColumn.MILESTONES);
        if (text == null) {
            return List.of();
        }
        List<String> names =
                Arrays.stream(text.split(";", -1)).map(String::strip).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            error(
                    ImportColumn.MILESTONES,
                    "milestone-key-result-has-milestones",
                    "Every milestone between ';' needs a name");
        } else if (new HashSet<>(names).size() != names.size()) {
            error(ImportColumn.MILESTONES, "milestone-names-unique", "Milestone names must be unique");
        } else if (names.size() > MAX_MILESTONES || names.stream().anyMatch(n -> n.length() > MAX_MILESTONE_LENGTH)) {
            error(
                    ImportColumn.MILESTONES,
                    "invalid-field",
                    "At most " + MAX_MILESTONES + " milestones of at most " + MAX_MILESTONE_LENGTH + " characters");
        }
        return names;
    }

    /** {@code date=expectedValue} pairs separated by ';', e.g. {@code 2026-02-01=70;2026-03-01=75}, inside the cycle. */
    List<Checkpoint> checkpoints(CycleFacts cycle) {
        String text = row.get(ImportColumn.CHECKPOINTS);
        if (text == null) {
            return List.of();
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (String pair : text.split(";", -1)) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2) {
                error(
                        ImportColumn.CHECKPOINTS,
                        "invalid-field",
                        "A checkpoint is date=expectedValue, such as 2026-02-01=70; got '" + pair.strip() + "'");
                return List.of();
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0].strip());
            } catch (DateTimeParseException e) {
                error(
                        ImportColumn.CHECKPOINTS,
                        "invalid-field",
                        "A checkpoint's date is an ISO date (YYYY-MM-DD); got '" + parts[0].strip() + "'");
                return List.of();
            }
            BigDecimal expected = decimal(ImportColumn.CHECKPOINTS, parts[1]);
            if (expected == null) {
                return List.of();
            }
            if (date.isBefore(cycle.startsOn()) || date.isAfter(cycle.endsOn())) {
                error(
                        ImportColumn.CHECKPOINTS,
                        "checkpoints-inside-cycle",
                        "Checkpoint " + date + " is outside the cycle (" + cycle.startsOn() + " to " + cycle.endsOn()
                                + ")");
                return List.of();
            }
            checkpoints.add(new Checkpoint(date, expected));
        }
        if (checkpoints.size() > MAX_CHECKPOINTS) {
            error(ImportColumn.CHECKPOINTS, "invalid-field", "At most " + MAX_CHECKPOINTS + " checkpoints");
        }
        return checkpoints;
    }
}
