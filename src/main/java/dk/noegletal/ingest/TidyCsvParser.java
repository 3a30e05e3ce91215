package dk.noegletal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the tidy CSV format: a header {@code area,target_group,measure,period,value} with optional
 * {@code status}, {@code area_name} and {@code target_group_name} columns, then one observation per line.
 */
final class TidyCsvParser {

    static final List<String> REQUIRED = List.of("area", "target_group", "measure", "period", "value");
    static final List<String> OPTIONAL = List.of("status", "area_name", "target_group_name");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final CsvParser parser;
    /** Where the record being read began, as far as the parser has told: for errors the parser itself raises. */
    private int recordLine = 1;

    private TidyCsvParser(CsvParser parser) {
        this.parser = parser;
    }

    static ParsedFile parse(Reader reader, ImportErrors errors) {
        try (CsvParser parser = (CsvParser) MAPPER.createParser(reader)) {
            return new TidyCsvParser(parser).read(errors);
        } catch (IOException e) {
            throw Utf8.unreadable(e);
        }
    }

    private ParsedFile read(ImportErrors errors) throws IOException {
        List<RawObservation> rows = new ArrayList<>();
        try {
            Record first = nextRecord();
            if (first == null) {
                throw ImportErrors.fileError("line 1", 1, null, null,
                        "the file is empty; it must start with the header " + String.join(",", REQUIRED));
            }
            List<String> header = first.cells();
            Map<String, Integer> columns = columns(header, first.line());
            Record next;
            while ((next = nextRecord()) != null) {
                List<String> record = next.cells();
                int line = next.line();
                String location = "line " + line;
                if (record.size() != header.size()) {
                    errors.add(location, line, null, String.join(",", record), "the line has " + record.size()
                            + " cells where the header has " + header.size());
                    continue;
                }
                rows.add(new RawObservation(location, line, cell(record, columns, "area"),
                        cell(record, columns, "target_group"), cell(record, columns, "measure"),
                        cell(record, columns, "period"), cell(record, columns, "value"),
                        cell(record, columns, "status"), NumberStyle.PLAIN));
            }
        } catch (JsonProcessingException e) {
            // The parser reports where it gave up (for an unclosed quote, the end of the file); the user needs
            // the line where the broken record starts.
            throw ImportErrors.fileError("line " + recordLine, recordLine, null, null,
                    "the CSV cannot be read from this line on (" + ImportErrors.reason(e) + ")");
        }
        return new ParsedFile(ImportFormat.TIDY_CSV, rows, List.of());
    }

    /** One CSV record and the line it starts on (a quoted cell may span lines). */
    private record Record(int line, List<String> cells) {
    }

    /** The next record, or null at the end of the file. */
    private Record nextRecord() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        // The array start is reported where the previous record ended; the first cell knows its own line.
        int line = -1;
        List<String> cells = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
                recordLine = line;
            }
            cells.add(parser.getText());
        }
        recordLine = parser.currentLocation().getLineNr();
        return new Record(line, cells);
    }

    private static Map<String, Integer> columns(List<String> header, int line) {
        String where = "line " + line;
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (header.size() == 1 && name.contains(";")) {
                throw ImportErrors.fileError(where, line, null, header.get(i),
                        "the header is separated by ';'; the tidy CSV format uses ',' between columns");
            }
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw ImportErrors.fileError(where, line, header.get(i), header.get(i), "unknown column '"
                        + header.get(i) + "'; the header must be " + String.join(",", REQUIRED)
                        + " with optional " + String.join(", ", OPTIONAL));
            }
            if (columns.put(name, i) != null) {
                throw ImportErrors.fileError(where, line, header.get(i), header.get(i),
                        "the column '" + name + "' appears twice in the header");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw ImportErrors.fileError(where, line, required, String.join(",", header),
                        "the header lacks the column '" + required + "'; it must be " + String.join(",", REQUIRED)
                                + " with optional " + String.join(", ", OPTIONAL));
            }
        }
        return columns;
    }

    private static RawObservation.Cell cell(List<String> record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? null : new RawObservation.Cell(name, record.get(index));
    }
}
