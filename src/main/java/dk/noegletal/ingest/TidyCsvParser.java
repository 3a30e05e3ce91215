package dk.noegletal.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the tidy CSV format of the målgruppe table: a header {@code area,target_group,measure,period,value} with
 * optional {@code status}, {@code area_name} and {@code target_group_name} columns, then one observation per line.
 * A tidy CSV file with a {@code table} column, or one imported as a table ({@code ?table=}), is a file of any table
 * instead, which {@link TableCsvParser} reads.
 */
final class TidyCsvParser {

    static final List<String> REQUIRED = List.of("area", "target_group", "measure", "period", "value");
    static final List<String> OPTIONAL = List.of("status", "area_name", "target_group_name");

    private TidyCsvParser() {
    }

    /** Reads a file of the målgruppe table. */
    static ParsedFile parse(Reader reader, ImportErrors errors) {
        return (ParsedFile) parse(reader, false, null, errors);
    }

    /**
     * Reads a tidy CSV file of either kind: of any table when its header has a {@code table} column or a table
     * is asked for ({@code table} not blank), else of the målgruppe table.
     */
    static ImportFile parse(Reader reader, String table, ImportErrors errors) {
        return parse(reader, true, table, errors);
    }

    private static ImportFile parse(Reader reader, boolean tables, String table, ImportErrors errors) {
        try (CsvRecords records = CsvRecords.open(reader)) {
            boolean asked = tables && table != null && !table.isBlank();
            CsvRecords.Record header = header(records, asked);
            if (asked || (tables && TableCsvParser.isTableHeader(header.cells()))) {
                return TableCsvParser.read(records, header, table, errors);
            }
            List<RawObservation> rows = new ArrayList<>();
            read(records, header, errors, rows::add);
            return new ParsedFile(ImportFormat.TIDY_CSV, rows, List.of());
        } catch (IOException e) {
            throw Utf8.unreadable(e);
        }
    }

    /** What a tidy CSV file is: of any table (and the table its first line names, if any), or of the målgruppe table. */
    record Kind(boolean table, String namedTable) {
    }

    /** Reads a file's header, and for a file of any table the lines up to the first that names its table. */
    static Kind kind(Reader reader, String table) {
        try (CsvRecords records = CsvRecords.open(reader)) {
            boolean asked = table != null && !table.isBlank();
            CsvRecords.Record header = header(records, asked);
            if (asked || TableCsvParser.isTableHeader(header.cells())) {
                return new Kind(true, TableCsvParser.firstNamedTable(records, header));
            }
            return new Kind(false, null);
        } catch (IOException e) {
            throw Utf8.unreadable(e);
        }
    }

    /** Reads a file of the målgruppe table line by line, each observation given to {@code each} as it is read. */
    static void observations(Reader reader, ImportErrors errors, Consumer<RawObservation> each) {
        try (CsvRecords records = CsvRecords.open(reader)) {
            read(records, header(records, false), errors, each);
        } catch (IOException e) {
            throw Utf8.unreadable(e);
        }
    }

    /** The header, checked to be one: not empty, not separated by ';'. */
    static CsvRecords.Record header(CsvRecords records, boolean tableAsked) throws IOException {
        CsvRecords.Record header = records.next();
        if (header == null) {
            throw ImportErrors.fileError("line 1", 1, null, null, "the file is empty; it must start with the "
                    + "header " + (tableAsked ? String.join(",", TableCsvParser.REQUIRED)
                            : String.join(",", REQUIRED)));
        }
        if (header.cells().size() == 1 && header.cells().get(0).contains(";")) {
            throw ImportErrors.fileError(header.location(), header.line(), null, header.cells().get(0),
                    "the header is separated by ';'; the tidy CSV format uses ',' between columns");
        }
        return header;
    }

    private static void read(CsvRecords records, CsvRecords.Record first, ImportErrors errors,
            Consumer<RawObservation> each) throws IOException {
        List<String> header = first.cells();
        Map<String, Integer> columns = columns(header, first.line());
        CsvRecords.Record next;
        while ((next = records.next()) != null) {
            List<String> record = next.cells();
            int line = next.line();
            String location = next.location();
            if (record.size() != header.size()) {
                errors.add(location, line, null, String.join(",", record), "the line has " + record.size()
                        + " cells where the header has " + header.size());
                continue;
            }
            each.accept(new RawObservation(location, line, cell(record, columns, "area"),
                    cell(record, columns, "target_group"), cell(record, columns, "measure"),
                    cell(record, columns, "period"), cell(record, columns, "value"),
                    cell(record, columns, "status"), NumberStyle.PLAIN));
        }
    }

    private static Map<String, Integer> columns(List<String> header, int line) {
        String where = "line " + line;
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw ImportErrors.fileError(where, line, header.get(i), header.get(i), "unknown column '"
                        + header.get(i) + "'; the header must be " + String.join(",", REQUIRED)
                        + " with optional " + String.join(", ", OPTIONAL) + ", or for a file of any table "
                        + String.join(",", TableCsvParser.REQUIRED) + " and one column per dimension");
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
