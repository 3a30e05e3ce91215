package dk.noegletal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    static TableFile parse(Reader reader) {
        JsonNode root = JobindsatsJsonParser.readTree(reader);
        List<String> columns = new ArrayList<>();
        JsonNode data;
        ImportFormat format;
        String named = null;
        if (root.isObject() && root.has("columns") && root.has("rows")) {
            for (JsonNode column : root.get("columns")) {
                columns.add(column.isObject() ? text(column.has("label") ? column.get("label") : column.get("name"))
                        : column.asText());
            }
            data = root.get("rows");
            format = ImportFormat.JOBINDSATS_V3;
        } else if (root.isArray() && root.size() == 1 && root.get(0).has("Variables") && root.get(0).has("Data")) {
            JsonNode table = root.get(0);
            for (JsonNode variable : table.get("Variables")) {
                String label = text(variable.get("Label"));
                columns.add(label == null || label.isBlank() ? text(variable.get("Name")) : label);
            }
            named = text(table.get("TableID"));
            data = table.get("Data");
            format = ImportFormat.JOBINDSATS_V2;
        } else {
            throw ImportErrors.fileError("body", null, null, null, "the JSON is not a Jobindsats export of one "
                    + "table: expected version 3 (an object with columns and rows) or version 2 (an array with one "
                    + "table with TableID, Variables and Data)");
        }
        if (data == null || !data.isArray()) {
            throw ImportErrors.fileError("body", null, null, null, "the rows of the export are not a list");
        }
        int area = find(columns, AREA_NAMES);
        int period = find(columns, PERIOD_NAMES);
        if (area < 0 || period < 0) {
            throw ImportErrors.fileError("columns", null, null, null, "a table needs a column 'Periode' and a "
                    + "column 'Område'; this one has " + String.join(", ", columns));
        }
        int firstMeasure = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (c != area && c != period && isNumeric(data, c)) {
                firstMeasure = c;
                break;
            }
        }
        if (firstMeasure < 0) {
            throw ImportErrors.fileError("columns", null, null, null, "the table has no measure column: no column "
                    + "after the period and the area holds only numbers");
        }
        List<Integer> dimensionColumns = new ArrayList<>();
        List<Integer> measureColumns = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (c == area || c == period) {
                continue;
            }
            if (c < firstMeasure) {
                dimensionColumns.add(c);
            } else if (isNumeric(data, c)) {
                measureColumns.add(c);
            } else {
                throw ImportErrors.fileError("columns", null, columns.get(c), null, "the column '" + columns.get(c)
                        + "' holds text after the measure columns began; dimension columns (text) come before the "
                        + "measure columns (numbers)");
            }
        }
        List<TableFile.Row> rows = new ArrayList<>(data.size());
        for (int r = 0; r < data.size(); r++) {
            JsonNode row = data.get(r);
            String location = "row " + (r + 1);
            if (!row.isArray() || row.size() != columns.size()) {
                throw ImportErrors.fileError(location, null, null, row.toString(), "the row has "
                        + (row.isArray() ? row.size() : 0) + " cells where the table has " + columns.size()
                        + " columns");
            }
            List<RawObservation.Cell> members = dimensionColumns.stream().map(c -> cell(columns, row, c)).toList();
            List<RawObservation.Cell> values = new ArrayList<>();
            List<NumberStyle> styles = new ArrayList<>();
            for (int c : measureColumns) {
                values.add(cell(columns, row, c));
                // A JSON number is read as such; only text is read the Danish way (1.313 is thirteen hundred).
                styles.add(row.get(c).isNumber() ? NumberStyle.PLAIN : NumberStyle.DANISH);
            }
            rows.add(new TableFile.Row(location, null, cell(columns, row, area), cell(columns, row, period), members,
                    values, styles));
        }
        return new TableFile(format, named, dimensionColumns.stream().map(columns::get).toList(),
                measureColumns.stream().map(columns::get).toList(), rows);
    }

    /** Whether every cell of a column is a number, a blank mark or null (and the rows are lists). */
    private static boolean isNumeric(JsonNode data, int column) {
        for (JsonNode row : data) {
            if (!row.isArray() || row.size() <= column) {
                continue;
            }
            JsonNode cell = row.get(column);
            if (cell.isNull() || cell.isNumber()) {
                continue;
            }
            if (!cell.isTextual()) {
                return false;
            }
            String text = cell.asText().trim();
            if (!BLANKS.contains(text) && !text.matches("-?[0-9][0-9.]*(,[0-9]+)?")) {
                return false;
            }
        }
        return true;
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
