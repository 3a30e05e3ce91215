package dk.noegletal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Bounds the body of every request but an import (noegletal.max-body: a table's definition, a cluster), which the
 * REST layer reads in memory. One larger than the limit by its Content-Length is refused with a 413 problem before it
 * is read, and the connection is closed once the problem is sent, so a client that goes on sending is stopped rather
 * than left writing into a paused request. One sent without a length (chunked) is cut off by the REST layer when it
 * passes the limit, with an empty 413. Import files have limits of their own ({@link ImportUploads}); the HTTP
 * layer's limit (quarkus.http.limits.max-body-size) is theirs.
 */
@ApplicationScoped
class BodyLimit {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private final Long limit;
    private final String problem;

    BodyLimit(NoegletalConfig config, ObjectMapper mapper) throws JsonProcessingException {
        this.limit = config.maxBody().asLongValue();
        this.problem = mapper.writeValueAsString(new Problem(ProblemException.type("too-large"),
                "Request body too large", 413, "The body is larger than the " + describe(limit)
                        + " this address accepts."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseAnnounced);
        // After the HTTP layer's own check (order -2), which gives a body without a length the import limit.
        router.route().order(-1).handler(this::limitUnannounced);
    }

    private void refuseAnnounced(RoutingContext context) {
        if (!ImportUploads.isImport(context) && ImportUploads.contentLength(context.request()) > limit) {
            ImportUploads.refuse(context, 413, problem, null);
        } else {
            context.next();
        }
    }

    private void limitUnannounced(RoutingContext context) {
        if (!ImportUploads.isImport(context)) {
            context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
        }
        context.next();
    }

    /** A size as configured, in words: 1 GB, 16 MB, 512 kB. */
    static String describe(long bytes) {
        if (bytes >= GB && bytes % GB == 0) {
            return bytes / GB + " GB";
        }
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + " MB";
        }
        if (bytes >= KB && bytes % KB == 0) {
            return bytes / KB + " kB";
        }
        return bytes + " bytes";
    }
}
