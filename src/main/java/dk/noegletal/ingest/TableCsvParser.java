package dk.noegletal.ingest;

import dk.noegletal.table.Slug;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

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

    /** Reads the lines after the header whole (the parsers' tests; an import streams {@link #open}). */
    static TableFile read(CsvRecords records, CsvRecords.Record header, String asked, ImportErrors errors) {
        Lines source = open(records, header, asked, errors);
        List<TableFile.Row> rows = new ArrayList<>();
        source.rows(rows::add);
        int measures = source.measures().size();
        List<NumberStyle> styles = Collections.nCopies(measures, NumberStyle.PLAIN);
        return new TableFile(ImportFormat.TIDY_CSV, source.namedTable(), source.dimensions(),
                List.copyOf(source.measures()), rows.stream().map(row -> {
                    List<RawObservation.Cell> values = new ArrayList<>(row.values());
                    values.addAll(Collections.nCopies(measures - values.size(), null));
                    return new TableFile.Row(row.location(), row.line(), row.area(), row.period(), row.members(),
                            values, styles, row.status());
                }).toList());
    }

    /**
     * The file after its header, as a source whose rows are the lines read one at a time.
     *
     * @param asked the table asked for ({@code ?table=}), or null when the file's table column names it
     * @throws dk.noegletal.common.ProblemException when the header is not one of a table file
     */
    static Lines open(CsvRecords records, CsvRecords.Record header, String asked, ImportErrors errors) {
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
        return new Lines(records, cells, columns, dimensionColumns, tableAsked ? asked.trim() : null, errors);
    }

    /**
     * The lines of a table file, read one at a time: a line that cannot be an observation (its cells do not match
     * the header, it names another table or no measure) is an error and left out; the measures are the labels the
     * lines name, in the order they first appear.
     */
    static final class Lines implements TableSource {

        private final CsvRecords records;
        private final List<String> header;
        private final Map<String, Integer> columns;
        private final List<Integer> dimensionColumns;
        private final ImportErrors errors;
        private final Map<String, Integer> measureIndex = new HashMap<>();
        private final List<String> measures = new ArrayList<>();
        private String table;
        private String tableFrom;
        private String named;

        private Lines(CsvRecords records, List<String> header, Map<String, Integer> columns,
                List<Integer> dimensionColumns, String asked, ImportErrors errors) {
            this.records = records;
            this.header = header;
            this.columns = columns;
            this.dimensionColumns = dimensionColumns;
            this.errors = errors;
            this.table = asked;
            this.tableFrom = asked == null ? null : "?table=";
        }

        @Override
        public ImportFormat format() {
            return ImportFormat.TIDY_CSV;
        }

        /** The table the first line that names one names (null before the lines are read). */
        @Override
        public String namedTable() {
            return named;
        }

        @Override
        public List<String> dimensions() {
            return dimensionColumns.stream().map(c -> header.get(c).trim()).toList();
        }

        @Override
        public List<String> measures() {
            return java.util.Collections.unmodifiableList(measures);
        }

        @Override
        public void rows(Consumer<TableFile.Row> each) {
            try {
                CsvRecords.Record next;
                while ((next = records.next()) != null) {
                    TableFile.Row row = row(next);
                    if (row != null) {
                        each.accept(row);
                    }
                }
            } catch (IOException e) {
                throw Utf8.unreadable(e);
            }
        }

        private TableFile.Row row(CsvRecords.Record next) {
            List<String> record = next.cells();
            if (record.size() != header.size()) {
                errors.add(next.location(), next.line(), null, String.join(",", record), "the line has "
                        + record.size() + " cells where the header has " + header.size());
                return null;
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
                return null;
            }
            Integer index = measureIndex.get(Slug.of(measure));
            if (index == null) {
                index = measures.size();
                measureIndex.put(Slug.of(measure), index);
                measures.add(measure);
            }
            List<RawObservation.Cell> members = new ArrayList<>(dimensionColumns.size());
            for (int c : dimensionColumns) {
                members.add(new RawObservation.Cell(header.get(c).trim(), record.get(c)));
            }
            List<RawObservation.Cell> values = new ArrayList<>(Collections.nCopies(index + 1, null));
            values.set(index, cell(record, columns, "value"));
            return new TableFile.Row(next.location(), next.line(), cell(record, columns, "area"),
                    cell(record, columns, "period"), members, values, Collections.nCopies(index + 1,
                            NumberStyle.PLAIN), cell(record, columns, "status"));
        }
    }

    /** The table the first line that names one names, without reading further (null when none does). */
    static String firstNamedTable(CsvRecords records, CsvRecords.Record header) throws IOException {
        int column = -1;
        for (int i = 0; i < header.cells().size(); i++) {
            if (header.cells().get(i).trim().equalsIgnoreCase("table")) {
                column = i;
            }
        }
        if (column < 0) {
            return null;
        }
        CsvRecords.Record next;
        while ((next = records.next()) != null) {
            if (next.cells().size() > column && !next.cells().get(column).isBlank()) {
                return next.cells().get(column).trim();
            }
        }
        return null;
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
