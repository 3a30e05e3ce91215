package dk.noegletal.ingest;

import dk.noegletal.table.Slug;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the tidy CSV format of any table, one observation per line: a header with the columns {@code table},
 * {@code area}, {@code period}, {@code measure} and {@code value}, an optional {@code status}, and one column per
 * dimension of the table, headed by the dimension's label ({@code Ydelsesgrupper}, {@code A-kasse}) and holding
 * member labels ({@code Ydelsesgrupper i alt}, {@code Ingen a-kasse}). The columns may come in any order; the
 * reserved names are read without letter case, every other column is a dimension. Every line names the same
 * table; {@code ?table=} may name it instead of the column (with both, they must agree). The measures are the
 * measure labels the lines name, in the order they first appear (labels with the same code are one measure).
 */
final class TableCsvParser {

    static final List<String> REQUIRED = List.of("table", "area", "period", "measure", "value");
    private static final List<String> RESERVED = List.of("table", "area", "period", "measure", "value", "status");

    private TableCsvParser() {
    }

    /** Whether a header is one of a table file: it has a {@code table} column. */
    static boolean isTableHeader(List<String> header) {
        return header.stream().anyMatch(cell -> cell.trim().equalsIgnoreCase("table"));
    }

    /**
     * Reads the lines after the header.
     *
     * @param asked the table asked for ({@code ?table=}), or null when the file's table column names it
     */
    static TableFile read(CsvRecords records, CsvRecords.Record header, String asked, ImportErrors errors)
            throws IOException {
        Map<String, Integer> columns = new HashMap<>();
        List<Integer> dimensionColumns = new ArrayList<>();
        Map<String, String> dimensionCodes = new HashMap<>();
        List<String> cells = header.cells();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).trim();
            if (name.isEmpty()) {
                throw headerError(header, null, "column " + (i + 1) + " has no name; every column other than "
                        + String.join(", ", RESERVED) + " is a dimension, headed by its label");
            }
            String reserved = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(reserved)) {
                if (columns.put(reserved, i) != null) {
                    throw headerError(header, name, "the column '" + reserved + "' appears twice in the header");
                }
            } else {
                String twin = dimensionCodes.putIfAbsent(Slug.of(name), name);
                if (twin != null) {
                    throw headerError(header, name, "the dimension '" + name + "' appears twice in the header"
                            + (twin.equals(name) ? "" : " (as '" + twin + "' too)"));
                }
                dimensionColumns.add(i);
            }
        }
        boolean tableAsked = asked != null && !asked.isBlank();
        for (String required : REQUIRED) {
            if (!columns.containsKey(required) && !(required.equals("table") && tableAsked)) {
                throw headerError(header, required, "the header lacks the column '" + required + "'; a file of "
                        + "any table has the columns " + String.join(",", REQUIRED) + ", optionally status, and "
                        + "one column per dimension (the table column may be left out when ?table= names it)");
            }
        }
        String table = tableAsked ? asked.trim() : null;
        String tableFrom = tableAsked ? "?table=" : null;
        String named = null;
        Map<String, Integer> measureIndex = new HashMap<>();
        List<String> measures = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        CsvRecords.Record next;
        while ((next = records.next()) != null) {
            List<String> record = next.cells();
            if (record.size() != cells.size()) {
                errors.add(next.location(), next.line(), null, String.join(",", record), "the line has "
                        + record.size() + " cells where the header has " + cells.size());
                continue;
            }
            int before = errors.count();
            Integer tableColumn = columns.get("table");
            if (tableColumn != null) {
                String text = record.get(tableColumn).trim();
                if (text.isEmpty()) {
                    errors.add(next.location(), next.line(), "table", text, "the table is missing; every line "
                            + "names the table it belongs to");
                } else if (table == null) {
                    table = text;
                    tableFrom = next.location();
                } else if (!text.equalsIgnoreCase(table)) {
                    errors.add(next.location(), next.line(), "table", text, "the line names the table " + text
                            + ", but " + tableFrom + " names " + table + "; a file holds one table");
                }
                if (named == null && !text.isEmpty()) {
                    named = text;
                }
            }
            String measure = record.get(columns.get("measure")).trim();
            if (measure.isEmpty()) {
                errors.add(next.location(), next.line(), "measure", "", "the measure is missing");
            }
            if (errors.count() > before) {
                continue;
            }
            Integer index = measureIndex.get(Slug.of(measure));
            if (index == null) {
                index = measures.size();
                measureIndex.put(Slug.of(measure), index);
                measures.add(measure);
            }
            lines.add(new Line(next, index));
        }
        List<String> dimensions = dimensionColumns.stream().map(c -> cells.get(c).trim()).toList();
        List<NumberStyle> styles = Collections.nCopies(measures.size(), NumberStyle.PLAIN);
        List<TableFile.Row> rows = new ArrayList<>(lines.size());
        for (Line line : lines) {
            List<String> record = line.record().cells();
            List<RawObservation.Cell> members = dimensionColumns.stream()
                    .map(c -> new RawObservation.Cell(cells.get(c).trim(), record.get(c))).toList();
            List<RawObservation.Cell> values = new ArrayList<>(Collections.nCopies(measures.size(), null));
            values.set(line.measure(), cell(record, columns, "value"));
            rows.add(new TableFile.Row(line.record().location(), line.record().line(), cell(record, columns, "area"),
                    cell(record, columns, "period"), members, values, styles, cell(record, columns, "status")));
        }
        return new TableFile(ImportFormat.TIDY_CSV, named, dimensions, measures, rows);
    }

    /** A line read, and the position of the measure it names. */
    private record Line(CsvRecords.Record record, int measure) {
    }

    private static RawObservation.Cell cell(List<String> record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? null : new RawObservation.Cell(name, record.get(index));
    }

    private static dk.noegletal.common.ProblemException headerError(CsvRecords.Record header, String column,
            String message) {
        return ImportErrors.fileError(header.location(), header.line(), column, String.join(",", header.cells()),
                message);
    }
}
