package dk.noegletal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request to Jobindsats that did not give an answer to use: its HTTP status (0 when none came: a time-out, no
 * connection, no key), Jobindsats' own {@code cause} and {@code request_id} as they came, and our sentence saying
 * what it means and what to do. Only {@link Transient} failures (429 and 5xx) are tried again.
 */
class JobindsatsException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of an error body is kept: Jobindsats' causes are a sentence. */
    private static final int LONGEST_CAUSE = 1000;

    private final int status;
    private final String cause;
    private final String requestId;
    /** The body of the answer, not yet read. */
    private transient InputStream unread;

    JobindsatsException(int status, String cause, String requestId, String sentence) {
        super(sentence);
        this.status = status;
        this.cause = cause;
        this.requestId = requestId;
    }

    /** 429 or 5xx: Jobindsats is busy or failing now, and may answer a moment later. */
    static final class Transient extends JobindsatsException {
        Transient(int status, String cause, String requestId, String sentence) {
            super(status, cause, requestId, sentence);
        }
    }

    int status() {
        return status;
    }

    /** Jobindsats' own words, as they came, or null. */
    String jobindsatsCause() {
        return cause;
    }

    String requestId() {
        return requestId;
    }

    /**
     * The failure an answer other than 2xx is. A body that arrives as a stream (the data request's) cannot be read
     * where the client maps the answer (its event loop); it is kept, and read by {@link #read()} on the caller's
     * thread.
     */
    static JobindsatsException of(Response response) {
        int status = response.getStatus();
        String headerId = RequestIds.of(response.getHeaders());
        Object entity = response.hasEntity() ? response.getEntity() : null;
        if (entity instanceof InputStream stream) {
            JobindsatsException failure = of(status, null, headerId);
            failure.unread = stream;
            return failure;
        }
        String body = null;
        try {
            body = entity instanceof String text ? text : response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            // A body that cannot be read says nothing more than the status.
        }
        return of(status, body, headerId);
    }

    /** This failure with its body read, when it came as a stream; else this. */
    JobindsatsException read() {
        if (unread == null) {
            return this;
        }
        String body = null;
        try (InputStream stream = unread) {
            body = new String(stream.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            // As above.
        }
        unread = null;
        return of(status, body, requestId);
    }

    private static JobindsatsException of(int status, String body, String headerId) {
        String cause = null;
        String requestId = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode json = JSON.readTree(body);
                cause = text(json, "cause");
                if (cause == null) {
                    cause = text(json, "message");
                }
                requestId = text(json, "request_id");
            } catch (IOException notJson) {
                cause = body.strip();
            }
        }
        if (requestId == null) {
            requestId = headerId;
        }
        cause = cause == null ? null : cause.length() <= LONGEST_CAUSE ? cause : cause.substring(0, LONGEST_CAUSE);
        String sentence = sentence(status, cause);
        return status == 429 || status >= 500 ? new Transient(status, cause, requestId, sentence)
                : new JobindsatsException(status, cause, requestId, sentence);
    }

    private static String sentence(int status, String cause) {
        String said = cause == null ? "" : ": " + cause;
        return switch (status) {
            case 401 -> "Jobindsats refused the key (401): it is wrong or has expired. Ask STAR (jobindsats@star.dk) "
                    + "for the organisation's key and set it in NOEGLETAL_JOBINDSATS_KEY.";
            case 403 -> "Jobindsats refused the key access (403)" + said + ".";
            case 404 -> "Jobindsats has no such table (404)" + said + "; check the subscription's table id.";
            case 422 -> "Jobindsats could not answer the subscription's selection (422)" + said
                    + ". Change the selection (PUT /api/v1/syncs/{id}) to what the table offers (GET its metadata "
                    + "at Jobindsats: /table/{id}).";
            case 429 -> "Jobindsats asked us to slow down (429) and still did after the retries; the next run tries "
                    + "again.";
            default -> status >= 500
                    ? "Jobindsats failed (" + status + ")" + said + ", also when asked again; the next run tries "
                            + "again."
                    : "Jobindsats refused the request (" + status + ")" + said + ".";
        };
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
