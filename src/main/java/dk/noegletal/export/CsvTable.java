package dk.noegletal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Records as a table of text cells, the way their JSON reads:
 * <ul>
 * <li>a nested object becomes columns named by its path in snake_case, joined with '_'
 * ({@code nationalShare.changePp} is {@code national_share_change_pp});</li>
 * <li>an array is one cell, its items joined with "; ", an object item as its values joined with ": ";</li>
 * <li>a {@link TreeRow} is a row per node, parents first;</li>
 * <li>the columns are those of all rows in the order first seen; a cell a row lacks, or a null, is empty;</li>
 * <li>a text cell that would start a formula begins with ' (see {@code neutralised}).</li>
 * </ul>
 */
final class CsvTable {

    static final String ITEM_SEPARATOR = "; ";
    static final String VALUE_SEPARATOR = ": ";
    private static final String FORMULA_START = "=+-@\t\r";
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    List<List<String>> rows() {
        return rows;
    }

    /**
     * @param mapper converts records as the JSON responses do (it must keep BigDecimal scale, see {@link CsvExport})
     * @param decimalMark '.' or ','
     * @param decimals round numbers to at most this many decimals, or null for full precision
     */
    static CsvTable of(List<?> records, ObjectMapper mapper, char decimalMark, Integer decimals) {
        return new Builder(mapper, decimalMark, decimals).add(records).build();
    }

    private static final class Builder {

        private final ObjectMapper mapper;
        private final char decimalMark;
        private final Integer decimals;
        /** Column paths (JSON property names from the root) in column order. */
        private final List<List<String>> columns = new ArrayList<>();
        /** Paths that held a value other than null in some row. */
        private final Set<List<String>> filled = new HashSet<>();
        private final List<Map<List<String>, String>> cells = new ArrayList<>();

        Builder(ObjectMapper mapper, char decimalMark, Integer decimals) {
            this.mapper = mapper;
            this.decimalMark = decimalMark;
            this.decimals = decimals;
        }

        Builder add(List<?> records) {
            for (Object record : records) {
                Map<List<String>, String> row = new LinkedHashMap<>();
                flatten(List.of(), toNode(record), row);
                row.keySet().forEach(this::addColumn);
                cells.add(row);
                if (record instanceof TreeRow node) {
                    add(node.children());
                }
            }
            return this;
        }

        private JsonNode toNode(Object record) {
            if (record instanceof Tabular.WithContext withContext) {
                ObjectNode node = mapper.createObjectNode();
                withContext.context().forEach((key, value) -> node.set(key, mapper.valueToTree(value)));
                JsonNode own = toNode(withContext.row());
                if (own.isObject()) {
                    node.setAll((ObjectNode) own);
                } else {
                    node.set("value", own);
                }
                return node;
            }
            JsonNode node = mapper.valueToTree(record);
            if (record instanceof TreeRow && node.isObject()) {
                ((ObjectNode) node).remove(TreeRow.CHILDREN);
            }
            return node;
        }

        private void flatten(List<String> path, JsonNode node, Map<List<String>, String> row) {
            if (node.isObject() && !node.isEmpty()) {
                node.properties().forEach(
                        property -> flatten(append(path, property.getKey()), property.getValue(), row));
            } else if (path.isEmpty()) {
                // A list of plain values: one column.
                flatten(List.of("value"), node, row);
            } else {
                String text = node.isNumber() ? number(node) : neutralised(text(node));
                if (text != null) {
                    filled.add(path);
                }
                row.put(path, text);
            }
        }

        /**
         * A new column goes after the columns of its parent object, so that a row where that object is null (the
         * country has no parent area) and a later row where it is not still give {@code parent_code, parent_name}
         * in place; a column no row has is added at the end.
         */
        private void addColumn(List<String> path) {
            if (columns.contains(path)) {
                return;
            }
            for (int length = path.size() - 1; length > 0; length--) {
                List<String> parent = path.subList(0, length);
                for (int i = columns.size() - 1; i >= 0; i--) {
                    List<String> column = columns.get(i);
                    if (column.size() >= length && column.subList(0, length).equals(parent)) {
                        columns.add(i + 1, path);
                        return;
                    }
                }
            }
            columns.add(path);
        }

        CsvTable build() {
            // An object that is null in every row where it appears, while other rows give its fields, is no column
            // of its own: those rows show it as empty field columns.
            List<List<String>> kept = columns.stream()
                    .filter(path -> filled.contains(path)
                            || columns.stream().noneMatch(other -> extendsPath(other, path)))
                    .toList();
            List<String> header = kept.stream()
                    .map(path -> path.stream().map(SNAKE_CASE::translate).collect(Collectors.joining("_")))
                    .toList();
            List<List<String>> rows = cells.stream()
                    .map(row -> kept.stream().map(row::get).toList())
                    .toList();
            return new CsvTable(header, rows);
        }

        private static boolean extendsPath(List<String> longer, List<String> prefix) {
            return longer.size() > prefix.size() && longer.subList(0, prefix.size()).equals(prefix);
        }

        private String text(JsonNode node) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isNumber()) {
                return number(node);
            }
            if (node.isArray()) {
                return items(node, ITEM_SEPARATOR);
            }
            if (node.isObject()) {
                return items(node, VALUE_SEPARATOR);
            }
            return node.asText();
        }

        /**
         * A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage
         * return) gets a leading ', as OWASP's advice on CSV injection has it, so that a cluster named
         * =HYPERLINK(...) shows as its name. Number cells are never touched: -3.5 stays a number.
         */
        private static String neutralised(String text) {
            if (text != null && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
                return "'" + text;
            }
            return text;
        }

        private String items(JsonNode container, String separator) {
            return StreamSupport.stream(container.spliterator(), false)
                    .map(this::text)
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining(separator));
        }

        private String number(JsonNode node) {
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            BigDecimal value = node.decimalValue();
            if (decimals != null && value.scale() > decimals) {
                value = value.setScale(decimals, RoundingMode.HALF_UP);
            }
            return value.toPlainString().replace('.', decimalMark);
        }

        private static List<String> append(List<String> path, String name) {
            List<String> longer = new ArrayList<>(path.size() + 1);
            longer.addAll(path);
            longer.add(name);
            return List.copyOf(longer);
        }
    }
}
