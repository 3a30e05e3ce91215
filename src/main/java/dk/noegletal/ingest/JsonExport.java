package dk.noegletal.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.noegletal.common.DuplicateKeys;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Walks a Jobindsats JSON export as a stream, one row in memory at a time: version 3 ({@code /v3/data/{table}}), one
 * object with {@code columns} and {@code rows}, or version 2 ({@code /v2/data/{table}/json}), an array of tables,
 * each with {@code TableID}, {@code Variables} and {@code Data}. A table's columns come before its rows, as the API
 * writes them. A key given twice in one object, or anything after the export, is an error, not half read.
 */
final class JsonExport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private JsonExport() {
    }

    /** What a walk meets: each table's columns, then its rows, in the order of the file. */
    interface Visitor {

        /**
         * A table begins: the export's version, the table's number (from 0), its TableID (version 2; null in
         * version 3) and its columns as the export gives them ({@code columns} or {@code Variables}).
         */
        void table(ImportFormat format, int table, String tableId, JsonNode columns);

        /** A row of the table (a JSON value, normally an array of cells), numbered from 0. */
        void row(int table, int row, JsonNode cells);
    }

    /**
     * Walks the export and returns its version.
     *
     * @throws dk.noegletal.common.ProblemException when the body is not JSON or not an export, naming the line
     */
    static ImportFormat walk(Reader reader, Visitor visitor) {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ImportErrors.fileError("body", null, null, null, "the body is empty");
            }
            ImportFormat format;
            if (first == JsonToken.START_OBJECT) {
                table(parser, ImportFormat.JOBINDSATS_V3, 0, "columns", "rows", visitor);
                format = ImportFormat.JOBINDSATS_V3;
            } else if (first == JsonToken.START_ARRAY) {
                int table = 0;
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token != JsonToken.START_OBJECT) {
                        parser.skipChildren(); // read through, so that JSON that is not valid is named as such
                        throw notAnExport();
                    }
                    table(parser, ImportFormat.JOBINDSATS_V2, table++, "Variables", "Data", visitor);
                }
                if (table == 0) {
                    throw notAnExport();
                }
                format = ImportFormat.JOBINDSATS_V2;
            } else {
                throw notAnExport();
            }
            if (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                throw ImportErrors.fileError("line " + line, line, null, null, "the body is not valid JSON "
                        + "(text after the export: one export per import)");
            }
            return format;
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw Utf8.unreadable(e);
        }
    }

    /** One table object: its columns field, then its rows field (an array), other fields skipped. */
    private static void table(JsonParser parser, ImportFormat format, int table, String columnsField,
            String rowsField, Visitor visitor) throws IOException {
        JsonNode columns = null;
        String tableId = null;
        boolean rows = false;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals(columnsField)) {
                columns = MAPPER.readTree(parser);
            } else if (field.equals("TableID")) {
                JsonNode id = MAPPER.readTree(parser);
                tableId = id == null || id.isNull() ? null : id.asText();
            } else if (field.equals(rowsField)) {
                // An export gives its columns first, as the Jobindsats API writes it, and its rows as a list.
                if (columns == null || parser.currentToken() != JsonToken.START_ARRAY) {
                    throw notAnExport();
                }
                visitor.table(format, table, tableId, columns);
                rows = true;
                int row = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    visitor.row(table, row++, MAPPER.readTree(parser));
                }
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT || !rows) {
            throw notAnExport();
        }
    }

    /** A rejection that says where the body is not JSON, or which key it repeats. */
    static RuntimeException syntax(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        Optional<String> duplicate = DuplicateKeys.in(e);
        if (duplicate.isPresent()) {
            return ImportErrors.fileError("line " + line, line, null, null, "the key '" + duplicate.get()
                    + "' appears twice in one object; each key may appear only once");
        }
        return ImportErrors.fileError("line " + line, line, null, null,
                "the body is not valid JSON (" + ImportErrors.reason(e) + ")");
    }

    private static RuntimeException notAnExport() {
        return ImportErrors.fileError("body", null, null, null, "the JSON is not a Jobindsats export: expected "
                + "version 3 (an object with columns and rows) or version 2 (an array of tables with Variables and "
                + "Data)");
    }
}
