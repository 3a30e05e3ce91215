package dk.noegletal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads import bodies whole on the event loop before the import runs, so that a slow upload holds no worker thread
 * (read as a stream, a few hundred slow clients held every worker and starved all reads). What is held is bounded:
 * an upload is admitted while the bytes it announces (its Content-Length, or the body limit when it has none) fit
 * the upload budget beside the uploads in progress; otherwise it is answered at once with a 503 problem and
 * Retry-After, before its body is read.
 */
@ApplicationScoped
class UploadBudget {

    static final String IMPORTS = "/api/v1/imports";

    private final long budget;
    private final long largestBody;
    private final AtomicLong held = new AtomicLong();
    private final String busy;

    UploadBudget(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize largestBody,
            NoegletalConfig config, ObjectMapper mapper) throws JsonProcessingException {
        this.largestBody = largestBody.asLongValue();
        this.budget = Math.max(config.imports().uploadBudget().asLongValue(), this.largestBody);
        this.busy = mapper.writeValueAsString(new Problem(ProblemException.type("busy"), "Busy", 503,
                "The service is receiving as many import files as it can hold; send the file again in a few "
                        + "seconds."));
    }

    void install(@Observes Router router) {
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(largestBody).setHandleFileUploads(false);
        router.route().order(Integer.MIN_VALUE + 1).method(HttpMethod.POST).pathRegex(IMPORTS + "(/.*)?")
                .handler(context -> admit(context, reader));
    }

    private void admit(RoutingContext context, BodyHandler reader) {
        // An empty body has nothing to wait for. An HTTP/2 stream (h2c, as the JDK's HTTP client asks for) is left
        // to the REST layer, which cannot take an HTTP/2 request whose body was read before it.
        if ("0".equals(context.request().getHeader(HttpHeaders.CONTENT_LENGTH))
                || context.request().version() == HttpVersion.HTTP_2) {
            context.next();
            return;
        }
        long announced = announced(context);
        if (held.addAndGet(announced) > budget) {
            held.addAndGet(-announced);
            context.response().setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.RETRY_AFTER, "5")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(busy)
                    .onComplete(sent -> context.request().connection().close());
            return;
        }
        // Given back once, however the exchange ends.
        AtomicBoolean given = new AtomicBoolean();
        context.addEndHandler(ended -> {
            if (given.compareAndSet(false, true)) {
                held.addAndGet(-announced);
            }
        });

        reader.handle(context);
    }

    private long announced(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && length.matches("\\d{1,18}") ? Math.min(Long.parseLong(length), largestBody)
                : largestBody;
    }
}
