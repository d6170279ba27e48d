package dev.okrledger.command.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the import format (docs/import-export.md), one key result per row. CSV headers and
 * JSON keys are these names; lengths are those the command API accepts for the same fields.
 */
enum ImportColumn {
    OBJECTIVE_REF("objectiveRef", 100),
    OBJECTIVE_TITLE("objectiveTitle", 300),
    LEVEL("level", 20),
    TEAM("team", 200),
    PARENT_REF("parentRef", 100),
    KEY_RESULT_REF("keyResultRef", 100),
    KEY_RESULT_TITLE("keyResultTitle", 300),
    KIND("kind", 20),
    UNIT("unit", 50),
    BASELINE("baseline", 50),
    TARGET("target", 50),
    INDICATOR("indicator", 20),
    OWNER("owner", 200),
    MEASUREMENT_COUNTED("measurementCounted", 1000),
    MEASUREMENT_EXCLUDED("measurementExcluded", 1000),
    MEASUREMENT_SOURCE("measurementSource", 500),
    CHECKPOINTS("checkpoints", 60 * 40),
    MILESTONES("milestones", 50 * 201);

    private final String header;
    private final int maxLength;

    ImportColumn(String header, int maxLength) {
        this.header = header;
        this.maxLength = maxLength;
    }

    String header() {
        return header;
    }

    int maxLength() {
        return maxLength;
    }

    /** Headers are matched ignoring case and surrounding spaces: spreadsheets are edited by hand. */
    static Optional<ImportColumn> byHeader(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.header.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The columns a file must have; the others may be left out. */
    static boolean isRequired(ImportColumn column) {
        return column == OBJECTIVE_REF || column == OBJECTIVE_TITLE || column == LEVEL || column == TEAM;
    }

    /** Columns describing a key result: a row with none of them only defines its objective. */
    boolean describesKeyResult() {
        return ordinal() >= KEY_RESULT_REF.ordinal();
    }
}
