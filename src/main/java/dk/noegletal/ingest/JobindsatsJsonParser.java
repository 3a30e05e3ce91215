package dk.noegletal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dk.noegletal.measure.Measure;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the JSON that the Jobindsats API returns. Version 2 ({@code /v2/data/{table}/json}) is an array of
 * tables, each with {@code Variables} (columns with {@code Name} and {@code Label}) and {@code Data} (rows of
 * cells); version 3 ({@code /v3/data/{table}?format=json}) is one object with {@code columns} and {@code rows}.
 * A row holds the area name, the period code, the target-group label (absent in population tables) and then one
 * cell per measure, named by its Danish label. Numbers may be Danish text; blanked cells are suppressed values.
 */
final class JobindsatsJsonParser {

    private static final Set<String> AREA_NAMES = Set.of("område", "omraade", "area", "kommune");
    private static final Set<String> PERIOD_NAMES = Set.of("periode", "period", "tid", "time");
    private static final Set<String> GROUP_NAMES = Set.of("ydelsesgrupper", "ydelsesgruppe", "ydelse",
            "målgruppe", "maalgruppe", "målgrupper", "target_group", "targetgroup");

    /** How to import an export that is not the målgruppe table. */
    private static final String ANY_TABLE = "To import any other Jobindsats table as it is, name it: "
            + "POST /api/v1/imports?table=y25i09";

    private JobindsatsJsonParser() {
    }

    /** A column as the export describes it. */
    private record Column(String name, String label) {

        String shown() {
            return label != null && !label.isBlank() ? label : name;
        }

        boolean named(Set<String> names) {
            return (name != null && names.contains(name.trim().toLowerCase(Locale.ROOT)))
                    || (label != null && names.contains(label.trim().toLowerCase(Locale.ROOT)));
        }

        boolean isMeasure() {
            return Measure.find(label).isPresent() || Measure.find(name).isPresent();
        }

        boolean isDerived() {
            return Measure.isDerivedLabel(label) || Measure.isDerivedLabel(name);
        }
    }

    /** Reads a small export whole (the parser's tests; an import streams {@link #observations}). */
    static ParsedFile parse(Reader reader, ImportErrors errors) {
        List<RawObservation> rows = new ArrayList<>();
        Read read = observations(reader, errors, rows::add);
        return new ParsedFile(read.format(), rows, read.ignoredColumns());
    }

    /** What an export was: its version, and the columns it carried that are deliberately not stored. */
    record Read(ImportFormat format, List<String> ignoredColumns) {
    }

    /**
     * Reads an export row by row, each row's observations (one per measure column) given to {@code each} as the row
     * is read.
     */
    static Read observations(Reader reader, ImportErrors errors, Consumer<RawObservation> each) {
        Set<String> ignored = new LinkedHashSet<>();
        List<Layout> layouts = new ArrayList<>();
        ImportFormat format = JsonExport.walk(reader, new JsonExport.Visitor() {
            @Override
            public void table(ImportFormat format, int table, String tableId, JsonNode columnNodes) {
                if (columnNodes == null || !columnNodes.isArray()) {
                    throw notAnExport();
                }
                List<Column> columns = new ArrayList<>();
                for (JsonNode column : columnNodes) {
                    columns.add(column.isObject()
                            ? new Column(text(first(column, "name", "Name", "id")), text(first(column, "label",
                                    "Label")))
                            : new Column(column.asText(), null));
                }
                String where = format == ImportFormat.JOBINDSATS_V2 ? "table " + (table + 1) + ", " : "";
                layouts.add(layout(where, columns, ignored));
            }

            @Override
            public void row(int table, int row, JsonNode cells) {
                layouts.get(table).row(row, cells, errors, each);
            }
        });
        return new Read(format, List.copyOf(ignored));
    }

    /** Where a table's area, period, target group and measures are. */
    private record Layout(String where, List<Column> columns, int area, int period, int group, List<Integer> measures) {

        void row(int index, JsonNode row, ImportErrors errors, Consumer<RawObservation> each) {
            String location = where + "row " + (index + 1);
            if (!row.isArray() || row.size() != columns.size()) {
                errors.add(location, null, null, row.toString(), "the row has " + (row.isArray() ? row.size() : 0)
                        + " cells where the table has " + columns.size() + " columns");
                return;
            }
            RawObservation.Cell areaCell = cell(columns, row, area);
            RawObservation.Cell periodCell = cell(columns, row, period);
            RawObservation.Cell groupCell = group < 0 ? null : cell(columns, row, group);
            for (int m : measures) {
                Column column = columns.get(m);
                String measureLabel = Measure.find(column.label).isPresent() ? column.label : column.name;
                // A JSON number is read as such; only text is read the Danish way (1.313 is thirteen hundred).
                NumberStyle style = row.get(m).isNumber() ? NumberStyle.PLAIN : NumberStyle.DANISH;
                each.accept(new RawObservation(location, null, areaCell, groupCell,
                        new RawObservation.Cell(column.shown(), measureLabel), periodCell, cell(columns, row, m),
                        null, style));
            }
        }
    }

    private static Layout layout(String where, List<Column> columns, Set<String> ignored) {
        int area = -1;
        int period = -1;
        int group = -1;
        List<Integer> leading = new ArrayList<>();
        List<Integer> measures = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.named(AREA_NAMES)) {
                area = once(area, i, where, column);
            } else if (column.named(PERIOD_NAMES)) {
                period = once(period, i, where, column);
            } else if (column.named(GROUP_NAMES)) {
                group = once(group, i, where, column);
            } else if (column.isMeasure()) {
                measures.add(i);
            } else if (column.isDerived()) {
                ignored.add(column.shown());
            } else if (measures.isEmpty()) {
                leading.add(i);
            } else {
                throw ImportErrors.fileError(where + "columns", null, column.shown(), column.shown(),
                        "unknown measure '" + column.shown() + "'; the målgruppe table knows "
                                + String.join(", ", measureLabels()) + ". " + ANY_TABLE);
            }
        }
        // Columns without a recognised name stand in the documented order: area, period, target group.
        for (int i : leading) {
            if (area < 0) {
                area = i;
            } else if (period < 0) {
                period = i;
            } else if (group < 0) {
                group = i;
            } else {
                throw ImportErrors.fileError(where + "columns", null, columns.get(i).shown(), columns.get(i).shown(),
                        "unexpected column '" + columns.get(i).shown() + "'; the målgruppe table holds the area, "
                                + "the period, the target group and measure columns. " + ANY_TABLE);
            }
        }
        if (area < 0 || period < 0 || measures.isEmpty()) {
            throw ImportErrors.fileError(where + "columns", null, null, null,
                    "a table needs an area column, a period column and at least one measure column such as "
                            + "'Antal fuldtidspersoner'");
        }
        return new Layout(where, columns, area, period, group, measures);
    }

    private static int once(int found, int index, String where, Column column) {
        if (found >= 0) {
            throw ImportErrors.fileError(where + "columns", null, column.shown(), column.shown(),
                    "the table has two columns for '" + column.shown() + "'");
        }
        return index;
    }

    private static RawObservation.Cell cell(List<Column> columns, JsonNode row, int index) {
        return cell(columns.get(index).shown(), row.get(index));
    }

    /** A cell's text: a number in plain form, null for JSON null, a list or object as its JSON text. */
    static RawObservation.Cell cell(String column, JsonNode node) {
        String text;
        if (node == null || node.isNull()) {
            text = null;
        } else if (node.isNumber()) {
            // A number beyond the range of a double (1e400) is read as infinite, which has no decimal value.
            text = node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())
                    ? node.asText() : node.decimalValue().toPlainString();
        } else if (node.isContainerNode()) {
            // Kept as JSON text so that it is rejected as no number, not mistaken for a blank cell.
            text = node.toString();
        } else {
            text = node.asText();
        }
        return new RawObservation.Cell(column, text);
    }

    private static JsonNode first(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                return node.get(field);
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> measureLabels() {
        return java.util.Arrays.stream(Measure.values()).map(Measure::label).toList();
    }

    private static RuntimeException notAnExport() {
        return ImportErrors.fileError("body", null, null, null, "the JSON is not a Jobindsats export: expected "
                + "version 2 (an array of tables with Variables and Data) or version 3 (an object with columns "
                + "and rows)");
    }
}
