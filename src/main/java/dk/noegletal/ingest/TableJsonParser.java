package dk.noegletal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a Jobindsats export of any table: version 3 ({@code columns} and {@code rows}) or version 2 (one table with
 * {@code TableID}, {@code Variables} and {@code Data}). The columns are the period and the area, then zero or more
 * dimension columns, whose cells are member labels ("Ydelsesgrupper i alt", "I alt", "Ingen a-kasse"), then one
 * column per measure, whose cells are numbers ({@code null} or a blank mark for a suppressed cell). The first
 * column after the period and area whose cells are all numbers or blanks begins the measures.
 */
final class TableJsonParser {

    private static final Set<String> AREA_NAMES = Set.of("område", "omraade", "area", "kommune");
    private static final Set<String> PERIOD_NAMES = Set.of("periode", "period", "tid", "time");
    private static final Set<String> BLANKS = Set.of("", ".", "..", "-");

    private TableJsonParser() {
    }

    /** Reads a small export whole (the parser's tests). */
    static TableFile parse(Reader reader) {
        String text;
        try {
            java.io.StringWriter writer = new java.io.StringWriter();
            reader.transferTo(writer);
            text = writer.toString();
        } catch (java.io.IOException e) {
            throw Utf8.unreadable(e);
        }
        TableSource source = open(ImportBody.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<TableFile.Row> rows = new ArrayList<>();
        source.rows(rows::add);
        return new TableFile(source.format(), source.namedTable(), source.dimensions(), source.measures(), rows);
    }

    /**
     * Reads an export once for its shape (its columns, which of them are measures, the table it names), and returns
     * it as a source whose rows are read again, streaming, when asked for.
     */
    static TableSource open(ImportBody body) {
        Shape shape = new Shape();
        ImportFormat format = walk(body, shape);
        return shape.source(body, format);
    }

    private static ImportFormat walk(ImportBody body, JsonExport.Visitor visitor) {
        try (Reader reader = Utf8.reader(body.open())) {
            return JsonExport.walk(reader, visitor);
        } catch (java.io.IOException e) {
            throw Utf8.unreadable(e);
        }
    }

    /** The first reading: the columns, and whether each holds only numbers or blanks. */
    private static final class Shape implements JsonExport.Visitor {

        private final List<String> columns = new ArrayList<>();
        private final List<Boolean> numeric = new ArrayList<>();
        private String named;

        @Override
        public void table(ImportFormat format, int table, String tableId, JsonNode columnNodes) {
            if (table > 0) {
                throw ImportErrors.fileError("body", null, null, null, "the JSON is not a Jobindsats export of one "
                        + "table: expected version 3 (an object with columns and rows) or version 2 (an array with "
                        + "one table with TableID, Variables and Data)");
            }
            named = tableId;
            if (columnNodes == null || !columnNodes.isArray()) {
                throw ImportErrors.fileError("columns", null, null, null, "the columns of the export are not a list");
            }
            for (JsonNode column : columnNodes) {
                String label;
                if (column.isObject() && column.has("Label")) {
                    label = text(column.get("Label"));
                    label = label == null || label.isBlank() ? text(column.get("Name")) : label;
                } else {
                    label = column.isObject() ? text(column.has("label") ? column.get("label") : column.get("name"))
                            : column.asText();
                }
                columns.add(label);
            }
        }

        @Override
        public void row(int table, int row, JsonNode cells) {
            if (!cells.isArray()) {
                return;
            }
            for (int c = 0; c < cells.size(); c++) {
                if (numeric.size() <= c) {
                    numeric.add(true);
                }
                if (numeric.get(c) && !isNumeric(cells.get(c))) {
                    numeric.set(c, false);
                }
            }
        }

        private boolean numeric(int column) {
            return column >= numeric.size() || numeric.get(column);
        }

        TableSource source(ImportBody body, ImportFormat format) {
            int area = find(columns, AREA_NAMES);
            int period = find(columns, PERIOD_NAMES);
            if (area < 0 || period < 0) {
                throw ImportErrors.fileError("columns", null, null, null, "a table needs a column 'Periode' and a "
                        + "column 'Område'; this one has " + String.join(", ", columns));
            }
            int firstMeasure = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (c != area && c != period && numeric(c)) {
                    firstMeasure = c;
                    break;
                }
            }
            if (firstMeasure < 0) {
                throw ImportErrors.fileError("columns", null, null, null, "the table has no measure column: no "
                        + "column after the period and the area holds only numbers");
            }
            List<Integer> dimensionColumns = new ArrayList<>();
            List<Integer> measureColumns = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (c == area || c == period) {
                    continue;
                }
                if (c < firstMeasure) {
                    dimensionColumns.add(c);
                } else if (numeric(c)) {
                    measureColumns.add(c);
                } else {
                    throw ImportErrors.fileError("columns", null, columns.get(c), null, "the column '"
                            + columns.get(c) + "' holds text after the measure columns began; dimension columns "
                            + "(text) come before the measure columns (numbers)");
                }
            }
            return new Rows(body, format, named, columns, area, period, dimensionColumns, measureColumns,
                    dimensionColumns.stream().map(columns::get).toList(),
                    measureColumns.stream().map(columns::get).toList());
        }
    }

    /** The second reading: the rows, one at a time; the labels of its dimensions and measures, from the first. */
    private record Rows(ImportBody body, ImportFormat format, String namedTable, List<String> columns, int area,
            int period, List<Integer> dimensionColumns, List<Integer> measureColumns, List<String> dimensions,
            List<String> measures) implements TableSource {

        @Override
        public void rows(Consumer<TableFile.Row> each) {
            walk(body, new JsonExport.Visitor() {
                @Override
                public void table(ImportFormat format, int table, String tableId, JsonNode columnNodes) {
                }

                @Override
                public void row(int table, int index, JsonNode row) {
                    each.accept(Rows.this.row(index, row));
                }
            });
        }

        private TableFile.Row row(int index, JsonNode row) {
            String location = "row " + (index + 1);
            if (!row.isArray() || row.size() != columns.size()) {
                throw ImportErrors.fileError(location, null, null, row.toString(), "the row has "
                        + (row.isArray() ? row.size() : 0) + " cells where the table has " + columns.size()
                        + " columns");
            }
            List<RawObservation.Cell> members = new ArrayList<>(dimensionColumns.size());
            for (int c : dimensionColumns) {
                members.add(cell(columns, row, c));
            }
            List<RawObservation.Cell> values = new ArrayList<>(measureColumns.size());
            List<NumberStyle> styles = new ArrayList<>(measureColumns.size());
            for (int c : measureColumns) {
                values.add(cell(columns, row, c));
                // A JSON number is read as such; only text is read the Danish way (1.313 is thirteen hundred).
                styles.add(row.get(c).isNumber() ? NumberStyle.PLAIN : NumberStyle.DANISH);
            }
            return new TableFile.Row(location, null, cell(columns, row, area), cell(columns, row, period), members,
                    values, styles);
        }
    }

    /** Whether a cell is a number, a blank mark or null. */
    private static boolean isNumeric(JsonNode cell) {
        if (cell.isNull() || cell.isNumber()) {
            return true;
        }
        if (!cell.isTextual()) {
            return false;
        }
        String text = cell.asText().trim();
        return BLANKS.contains(text) || text.matches("-?[0-9][0-9.]*(,[0-9]+)?");
    }

    private static int find(List<String> columns, Set<String> names) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c) != null && names.contains(columns.get(c).trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return -1;
    }

    private static RawObservation.Cell cell(List<String> columns, JsonNode row, int index) {
        return JobindsatsJsonParser.cell(columns.get(index), row.get(index));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
