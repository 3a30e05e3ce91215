package dk.noegletal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than the limit (quarkus.http.limits.max-body-size) before it is read, with a 413 problem.
 * The connection is closed once the problem is sent, so a client that goes on sending is stopped rather than left
 * writing into a paused request. The HTTP layer enforces the same limit on bodies sent without a length (chunked),
 * but answers those with an empty 413.
 */
@ApplicationScoped
class BodyLimit {

    private final long limit;
    private final String problem;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper mapper)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.problem = mapper.writeValueAsString(new Problem(ProblemException.type("too-large"),
                "Request body too large", 413, "The body is larger than the limit of " + megabytes(this.limit)
                        + " MB; split the file into several imports."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem)
                        .onComplete(sent -> context.request().connection().close());
            } else {
                context.next();
            }
        });
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
