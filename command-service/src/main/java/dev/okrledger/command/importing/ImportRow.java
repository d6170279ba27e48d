package dev.okrledger.command.importing;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of an import file as read, before any rule is checked.
 *
 * @param number the row a person finds it at: in a CSV file the spreadsheet row (the header is row
 *               1), in JSON the position in {@code rows} counted from 1
 * @param cells  stripped cell texts by column; blank cells are left out
 */
record ImportRow(int number, Map<ImportColumn, String> cells) {

    ImportRow {
        Map<ImportColumn, String> kept = new EnumMap<>(ImportColumn.class);
        cells.forEach((column, text) -> {
            if (text != null && !text.isBlank()) {
                kept.put(column, text.strip());
            }
        });
        cells = kept;
    }

    /** The cell's text, or null when blank. */
    String get(ImportColumn column) {
        return cells.get(column);
    }

    boolean has(ImportColumn column) {
        return cells.containsKey(column);
    }

    boolean definesKeyResult() {
        return Arrays.stream(ImportColumn.values())
                .filter(ImportColumn::describesKeyResult)
                .anyMatch(this::has);
    }
}
