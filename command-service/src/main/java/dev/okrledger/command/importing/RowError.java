package dev.okrledger.command.importing;

/**
 * What is wrong with one cell of an import file.
 *
 * @param row   as in {@link ImportRow#number()}; 1 is the CSV header row
 * @param field the column at fault, or null when the whole row is
 * @param rule  the stable name of the rule, the same the commands use where there is one
 */
public record RowError(int row, String field, String rule, String message) {}
