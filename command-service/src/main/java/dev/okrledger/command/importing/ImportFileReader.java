package dev.okrledger.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an import file, CSV ({@code text/csv}) or JSON ({@code application/json}), into rows of
 * the one import format. Structural faults that leave no rows to check (a broken quote, no header,
 * a body that is not JSON) are 400; unknown or missing columns are listed like row errors.
 */
final class ImportFileReader {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    /** More rows than this are refused before any is checked; a cycle rarely has a tenth of it. */
    static final int MAX_ROWS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ImportFileReader() {}

    /** The rows, and those that could not be read as rows (their faults are listed with the other rows' faults). */
    record ImportFile(List<ImportRow> rows, List<RowError> unreadableRows) {}

    static ImportFile read(String contentType, byte[] body) {
        MediaType type = mediaType(contentType);
        if (body == null || body.length == 0) {
            throw ImportProblem.of(
                    HttpStatus.BAD_REQUEST,
                    "import-file-empty",
                    null,
                    "The request body is empty: send the file's rows, with a header row for CSV");
        }
        String text = new String(body, type.getCharset() == null ? StandardCharsets.UTF_8 : charset(type));
        // spreadsheets save "CSV UTF-8" with a byte order mark
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        ImportFile file = TEXT_CSV.includes(type) ? csv(text) : json(text);
        int rows = file.rows().size() + file.unreadableRows().size();
        if (rows > MAX_ROWS) {
            throw ImportProblem.of(
                    HttpStatus.BAD_REQUEST,
                    "import-row-limit",
                    null,
                    "An import takes at most " + MAX_ROWS + " rows; this file has " + rows);
        }
        return file;
    }

    private static MediaType mediaType(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            if (type != null && (TEXT_CSV.includes(type) || MediaType.APPLICATION_JSON.includes(type))) {
                return type;
            }
        } catch (InvalidMediaTypeException e) {
            // answered below like any other type the import does not take
        }
        throw unsupported(contentType);
    }

    static ImportProblem unsupported(String contentType) {
        return ImportProblem.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "import-content-type",
                "Content-Type",
                "An import is text/csv or application/json; got "
                        + (contentType == null ? "none" : "'" + contentType + "'"));
    }

    private static Charset charset(MediaType type) {
        try {
            return type.getCharset();
        } catch (IllegalArgumentException e) {
            throw ImportProblem.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "import-content-type",
                    "Content-Type",
                    "Unknown charset in Content-Type; send UTF-8");
        }
    }

    private static ImportFile csv(String text) {
        // spreadsheets set to a locale with decimal commas save with semicolons between cells
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ImportProblem.of(
                    HttpStatus.BAD_REQUEST,
                    "malformed-csv",
                    null,
                    "The file is not valid CSV (RFC 4180): " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw ImportProblem.of(HttpStatus.BAD_REQUEST, "import-file-empty", null, "The file has no header row");
        }
        List<RowError> errors = new ArrayList<>();
        List<ImportColumn> columns = header(records.get(0), errors);
        rejectIfAny(errors);
        List<ImportRow> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int number = (int) record.getRecordNumber();
            if (record.stream().allMatch(String::isBlank)) {
                continue; // an empty line or a row of empty cells
            }
            if (record.size() != columns.size()) {
                errors.add(new RowError(
                        number,
                        null,
                        "import-row-cells",
                        "The row has " + record.size() + " cells; the header has " + columns.size()));
                continue;
            }
            Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i) != null) {
                    cells.put(columns.get(i), record.get(i));
                }
            }
            rows.add(new ImportRow(number, cells));
        }
        return new ImportFile(rows, errors);
    }

    /** The header's columns in order; an unknown column is an error (a typo would lose its data silently). */
    private static List<ImportColumn> header(CSVRecord header, List<RowError> errors) {
        List<ImportColumn> columns = new ArrayList<>();
        Set<ImportColumn> seen = new HashSet<>();
        for (String name : header) {
            Optional<ImportColumn> column = ImportColumn.byHeader(name);
            if (column.isEmpty()) {
                errors.add(new RowError(1, name, "import-column-known", "Unknown column '" + name + "'"));
            } else if (!seen.add(column.get())) {
                errors.add(new RowError(1, name, "import-column-once", "Column '" + name + "' appears twice"));
            }
            columns.add(column.orElse(null));
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (ImportColumn.isRequired(column) && !seen.contains(column)) {
                errors.add(new RowError(
                        1,
                        column.header(),
                        "import-column-required",
                        "The header needs a column '" + column.header() + "'"));
            }
        }
        return columns;
    }

    private static ImportFile json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw ImportProblem.of(
                    HttpStatus.BAD_REQUEST, "malformed-json", null, "The request body is not valid JSON");
        }
        if (root == null || !root.path("rows").isArray()) {
            throw ImportProblem.of(
                    HttpStatus.BAD_REQUEST,
                    "import-json-rows",
                    "rows",
                    "A JSON import is an object with an array 'rows' of objects keyed by the column names");
        }
        List<RowError> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode element : root.get("rows")) {
            number++;
            if (!element.isObject()) {
                errors.add(new RowError(
                        number, null, "import-json-rows", "Each row is an object keyed by the column names"));
                continue;
            }
            Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
            for (Map.Entry<String, JsonNode> cell : element.properties()) {
                Optional<ImportColumn> column = ImportColumn.byHeader(cell.getKey());
                JsonNode value = cell.getValue();
                if (column.isEmpty()) {
                    errors.add(new RowError(
                            number, cell.getKey(), "import-column-known", "Unknown column '" + cell.getKey() + "'"));
                } else if (value.isContainer()) {
                    errors.add(new RowError(
                            number,
                            cell.getKey(),
                            "import-cell-text",
                            "A cell is text or a number, as in the CSV format (lists are separated by ';')"));
                } else if (!value.isNull()) {
                    cells.put(
                            column.get(),
                            value.isNumber() ? value.decimalValue().toPlainString() : value.asString());
                }
            }
            rows.add(new ImportRow(number, cells));
        }
        return new ImportFile(rows, errors);
    }

    /** A header that does not follow the format leaves no row worth checking. */
    private static void rejectIfAny(List<RowError> errors) {
        if (!errors.isEmpty()) {
            throw ImportProblem.rows(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "import-rows-invalid",
                    "The header does not follow the import format; nothing was recorded",
                    errors);
        }
    }
}
