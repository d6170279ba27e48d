package dev.okrledger.query.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes export rows as CSV that opens in a spreadsheet: UTF-8 with a byte order mark (Excel reads
 * UTF-8 only with it), a header row named as the JSON properties of the same rows (the record's
 * components), RFC 4180 quoting and CRLF line ends. Numbers are plain decimals with a dot, times
 * ISO-8601 in UTC, lists joined by ';', absent values empty. A text cell a spreadsheet would take
 * for a formula (starting with = + - @, tab or carriage return) is prefixed with a quote; numbers
 * are never touched, so -5 stays a number.
 */
final class CsvRows {

    static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvRows() {}

    static <R extends Record> byte[] write(Class<R> type, List<R> rows) {
        RecordComponent[] components = type.getRecordComponents();
        StringWriter out = new StringWriter().append(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(Arrays.stream(components).map(RecordComponent::getName));
            for (R row : rows) {
                List<String> cells = new ArrayList<>(components.length);
                for (RecordComponent component : components) {
                    cells.add(cell(component.getAccessor().invoke(row)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Export row " + type.getSimpleName() + " cannot be read", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double number) {
            return number.isNaN() || number.isInfinite()
                    ? ""
                    : BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> values) {
            return guarded(values.stream().map(CsvRows::cell).collect(Collectors.joining(";")));
        }
        if (value instanceof String text) {
            return guarded(text);
        }
        return value.toString(); // integers, booleans, UUIDs, ISO-8601 instants and dates
    }

    /** OWASP's advice against CSV injection: a leading quote makes the cell text in every spreadsheet. */
    private static String guarded(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
