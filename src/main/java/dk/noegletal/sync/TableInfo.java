package dk.noegletal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What Jobindsats' catalogue ({@code /tables}: subjects, table groups, tables) and a table's metadata
 * ({@code /table/{id}}) say of a table: its name and when it was last and will next be updated. Read from wherever
 * the table's object sits in the answer, so that a new level of nesting does not break a pull.
 */
record TableInfo(String name, String updateLatest, String updateNext) {

    /** The table's entry in an answer: the object whose table_id is the id. */
    static Optional<TableInfo> find(JsonNode answer, String tableId) {
        Deque<JsonNode> open = new ArrayDeque<>();
        if (answer != null) {
            open.push(answer);
        }
        while (!open.isEmpty()) {
            JsonNode node = open.pop();
            if (node.isObject() && tableId.equalsIgnoreCase(text(node, "table_id", "tableId"))) {
                return Optional.of(new TableInfo(text(node, "table_name", "tableName"),
                        text(node, "update_latest", "updateLatest"), text(node, "update_next", "updateNext")));
            }
            if (node.isContainerNode()) {
                node.forEach(open::push);
            }
        }
        return Optional.empty();
    }

    /** This, with what it lacks taken from the other. */
    TableInfo or(TableInfo other) {
        if (other == null) {
            return this;
        }
        return new TableInfo(name != null ? name : other.name,
                updateLatest != null ? updateLatest : other.updateLatest,
                updateNext != null ? updateNext : other.updateNext);
    }

    private static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return null;
    }
}
