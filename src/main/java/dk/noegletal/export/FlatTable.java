package dk.noegletal.export;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Records as a table of typed cells, the way their JSON reads; CSV ({@link CsvExport}) and the workbook
 * ({@link XlsxExport}) write the same table:
 * <ul>
 * <li>a nested object becomes columns named by its path in snake_case, joined with '_'
 * ({@code nationalShare.changePp} is {@code national_share_change_pp});</li>
 * <li>an array is one text cell, its items joined with "; ", an object item as its values joined with ": ";</li>
 * <li>a {@link TreeRow} is a row per node, parents first;</li>
 * <li>the columns are those of all rows in the order first seen; a cell a row lacks, or a null, is null;</li>
 * <li>without rows, the columns are those of the row type as Jackson writes it (after any context columns), so
 * that an empty table still has its header;</li>
 * <li>a cell is a {@link String}, a {@link BigDecimal} (a JSON decimal, rounded when asked), a
 * {@link java.math.BigInteger} (a JSON integer), a {@link Boolean} or null. An identifier (see
 * {@link #identifier}) is text although JSON gives it as a number, as are codes and periods, which JSON gives as
 * strings.</li>
 * </ul>
 */
final class FlatTable {

    static final String ITEM_SEPARATOR = "; ";
    static final String VALUE_SEPARATOR = ": ";
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final List<List<String>> paths;
    private final List<List<Object>> rows;

    private FlatTable(List<List<String>> paths, List<List<Object>> rows) {
        this.paths = paths;
        this.rows = rows;
    }

    /** Each column's JSON property names from the root, e.g. {@code [nationalShare, changePp]}. */
    List<List<String>> paths() {
        return paths;
    }

    /** The columns' names in the plain CSV: the paths in snake_case joined with '_'. */
    List<String> header() {
        return paths.stream().map(FlatTable::snakeCase).toList();
    }

    List<List<Object>> rows() {
        return rows;
    }

    static String snakeCase(List<String> path) {
        return path.stream().map(SNAKE_CASE::translate).collect(Collectors.joining("_"));
    }

    /**
     * @param rowType the declared type of a record (from {@code List<AreaDto>}), or null; it gives the columns when
     *        there are no records and {@code records} does not know its own ({@link Tabular.Rows})
     * @param mapper converts records as the JSON responses do (it must keep BigDecimal scale, see {@link CsvExport})
     * @param decimalMark '.' or ',', for numbers inside a joined list
     * @param decimals round decimals to at most this many places, or null for full precision
     */
    static FlatTable of(List<?> records, Type rowType, ObjectMapper mapper, char decimalMark, Integer decimals) {
        Builder builder = new Builder(mapper, decimalMark, decimals);
        if (records.isEmpty()) {
            builder.addColumnsOf(records, rowType);
        }
        return builder.add(records).build();
    }

    /**
     * Numbers that identify rather than count: an import's or a goal's id, a data revision. They are text cells, as
     * codes are, so that no spreadsheet sums them or shows 12 as 12,00.
     */
    static boolean identifier(List<String> path) {
        String name = path.get(path.size() - 1);
        return name.equals("id") || name.endsWith("Id") || name.endsWith("Revision");
    }

    private static final class Builder {

        private final ObjectMapper mapper;
        private final char decimalMark;
        private final Integer decimals;
        /** Column paths (JSON property names from the root) in column order. */
        private final List<List<String>> columns = new ArrayList<>();
        /** Paths that held a value other than null in some row. */
        private final Set<List<String>> filled = new HashSet<>();
        private final List<Map<List<String>, Object>> cells = new ArrayList<>();

        Builder(ObjectMapper mapper, char decimalMark, Integer decimals) {
            this.mapper = mapper;
            this.decimalMark = decimalMark;
            this.decimals = decimals;
        }

        Builder add(List<?> records) {
            for (Object record : records) {
                Map<List<String>, Object> row = new LinkedHashMap<>();
                flatten(List.of(), toNode(record), row);
                row.keySet().forEach(this::addColumn);
                cells.add(row);
                if (record instanceof TreeRow node) {
                    add(node.children());
                }
            }
            return this;
        }

        /** The columns a table without rows has: its context's, then those of its row type. */
        void addColumnsOf(List<?> records, Type rowType) {
            Type type = rowType;
            if (records instanceof Tabular.Rows withContext) {
                Map<List<String>, Object> context = new LinkedHashMap<>();
                flatten(List.of(), contextNode(withContext.context()), context);
                context.keySet().forEach(this::addColumn);
                filled.addAll(context.keySet());
                type = withContext.rowType();
            }
            if (type != null) {
                addColumnsOf(List.of(), mapper.constructType(type), new HashSet<>());
            }
        }

        /**
         * The columns Jackson's serializer of the type writes: an object's properties in their order, nested objects
         * by their path, anything else (a number, text, a list, a map) one column.
         */
        private void addColumnsOf(List<String> path, JavaType type, Set<Class<?>> open) {
            JsonSerializer<Object> serializer = serializer(type);
            if (serializer instanceof BeanSerializerBase bean && open.add(type.getRawClass())) {
                for (Iterator<?> properties = bean.properties(); properties.hasNext();) {
                    if (properties.next() instanceof BeanPropertyWriter property
                            && !(TreeRow.class.isAssignableFrom(type.getRawClass())
                                    && property.getName().equals(TreeRow.CHILDREN))) {
                        addColumnsOf(append(path, property.getName()), property.getType(), open);
                    }
                }
                open.remove(type.getRawClass());
            } else if (path.isEmpty()) {
                // A list of plain values, as toNode names it.
                addColumn(List.of("value"));
                filled.add(List.of("value"));
            } else {
                addColumn(path);
                filled.add(path);
            }
        }

        private JsonSerializer<Object> serializer(JavaType type) {
            try {
                return mapper.getSerializerProviderInstance().findValueSerializer(type);
            } catch (JsonMappingException e) {
                throw new IllegalStateException("No JSON writer for " + type, e);
            }
        }

        private ObjectNode contextNode(Map<String, ?> context) {
            ObjectNode node = mapper.createObjectNode();
            context.forEach((key, value) -> node.set(key, mapper.valueToTree(value)));
            return node;
        }

        private JsonNode toNode(Object record) {
            if (record instanceof Tabular.WithContext withContext) {
                ObjectNode node = contextNode(withContext.context());
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

        private void flatten(List<String> path, JsonNode node, Map<List<String>, Object> row) {
            if (node.isObject() && !node.isEmpty()) {
                node.properties().forEach(
                        property -> flatten(append(path, property.getKey()), property.getValue(), row));
            } else if (path.isEmpty()) {
                // A list of plain values: one column.
                flatten(List.of("value"), node, row);
            } else {
                Object cell = cell(path, node);
                if (cell != null) {
                    filled.add(path);
                }
                row.put(path, cell);
            }
        }

        private Object cell(List<String> path, JsonNode node) {
            if (node.isIntegralNumber()) {
                return identifier(path) ? node.bigIntegerValue().toString() : node.bigIntegerValue();
            }
            if (node.isNumber()) {
                return number(node);
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return text(node);
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

        FlatTable build() {
            // An object that is null in every row where it appears, while other rows give its fields, is no column
            // of its own: those rows show it as empty field columns.
            List<List<String>> kept = columns.stream()
                    .filter(path -> filled.contains(path)
                            || columns.stream().noneMatch(other -> extendsPath(other, path)))
                    .toList();
            List<List<Object>> rows = cells.stream()
                    .map(row -> {
                        List<Object> values = new ArrayList<>(kept.size());
                        kept.forEach(path -> values.add(row.get(path)));
                        return values;
                    })
                    .toList();
            return new FlatTable(kept, rows);
        }

        private static boolean extendsPath(List<String> longer, List<String> prefix) {
            return longer.size() > prefix.size() && longer.subList(0, prefix.size()).equals(prefix);
        }

        private String text(JsonNode node) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            if (node.isNumber()) {
                return number(node).toPlainString().replace('.', decimalMark);
            }
            if (node.isArray()) {
                return items(node, ITEM_SEPARATOR);
            }
            if (node.isObject()) {
                return items(node, VALUE_SEPARATOR);
            }
            return node.asText();
        }

        private String items(JsonNode container, String separator) {
            return StreamSupport.stream(container.spliterator(), false)
                    .map(this::text)
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining(separator));
        }

        private BigDecimal number(JsonNode node) {
            BigDecimal value = node.decimalValue();
            if (decimals != null && value.scale() > decimals) {
                value = value.setScale(decimals, RoundingMode.HALF_UP);
            }
            return value;
        }

        private static List<String> append(List<String> path, String name) {
            List<String> longer = new ArrayList<>(path.size() + 1);
            longer.addAll(path);
            longer.add(name);
            return List.copyOf(longer);
        }
    }
}
