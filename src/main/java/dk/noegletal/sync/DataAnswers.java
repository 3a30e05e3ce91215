package dk.noegletal.sync;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers of a pull's data requests (the municipalities, the country), each {@code {"columns": [...], "rows":
 * [[...]]}}, joined into one answer of the same shape, streamed from file to file: a pull lands as one import.
 */
final class DataAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private DataAnswers() {
    }

    /** What the joined answer holds: its rows, and the request ids the answers' bodies carried. */
    record Joined(int rows, List<String> requestIds) {
    }

    static Joined join(List<Path> answers, Path into) {
        JsonNode columns = null;
        List<String> requestIds = new ArrayList<>();
        for (Path answer : answers) {
            Head head = head(answer);
            if (head.columns == null || !head.hasRows) {
                throw new JobindsatsException(200, null, head.requestId, "Jobindsats answered a data request with "
                        + "something other than a table (columns and rows); nothing was stored.");
            }
            if (columns == null) {
                columns = head.columns;
            } else if (!columns.equals(head.columns)) {
                throw new JobindsatsException(200, null, head.requestId, "Jobindsats answered the requests of one "
                        + "pull with different columns (" + columns + " and " + head.columns + "); nothing was "
                        + "stored.");
            }
            if (head.requestId != null) {
                requestIds.add(head.requestId);
            }
        }
        int rows = 0;
        try (JsonGenerator out = FACTORY.createGenerator(into.toFile(), JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeFieldName("columns");
            JSON.writeTree(out, columns);
            out.writeFieldName("rows");
            out.writeStartArray();
            for (Path answer : answers) {
                rows += copyRows(answer, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Joined(rows, requestIds);
    }

    private static final class Head {
        JsonNode columns;
        boolean hasRows;
        String requestId;
    }

    /** The answer's columns and request id, its rows skipped. */
    private static Head head(Path answer) {
        Head head = new Head();
        try (JsonParser in = FACTORY.createParser(answer.toFile())) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return head;
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if ("columns".equals(field) && value == JsonToken.START_ARRAY) {
                    head.columns = JSON.readTree(in);
                } else if ("rows".equals(field) && value == JsonToken.START_ARRAY) {
                    head.hasRows = true;
                    in.skipChildren();
                } else if ("request_id".equals(field) && value.isScalarValue()) {
                    head.requestId = in.getValueAsString();
                } else {
                    in.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new JobindsatsException(200, null, null, "Jobindsats answered a data request with JSON that "
                    + "cannot be read (" + e.getOriginalMessage() + "); nothing was stored.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return head;
    }

    private static int copyRows(Path answer, JsonGenerator out) throws IOException {
        int rows = 0;
        try (JsonParser in = FACTORY.createParser(answer.toFile())) {
            in.nextToken();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                if ("rows".equals(field)) {
                    while (in.nextToken() != JsonToken.END_ARRAY) {
                        out.copyCurrentStructure(in);
                        rows++;
                    }
                } else {
                    in.skipChildren();
                }
            }
        }
        return rows;
    }
}
