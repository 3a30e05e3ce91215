package dk.noegletal.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoints that fail as a server may: an Error or an exception thrown by a JAX-RS resource, and by a
 * plain Vert.x route outside JAX-RS. Hidden from the OpenAPI document, which describes the service alone.
 */
@Path("/test-failures")
public class FailingEndpoints {

    static Throwable failure(String kind) {
        return switch (kind) {
            case "out-of-memory" -> new OutOfMemoryError("test: Java heap space");
            case "stack-overflow" -> new StackOverflowError();
            case "assertion" -> new AssertionError("test assertion with java.lang.String");
            default -> new IllegalStateException("test: dk.noegletal.Secret failed");
        };
    }

    @GET
    @Path("/jaxrs/{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String fail(@PathParam("kind") String kind) throws Throwable {
        throw failure(kind);
    }

    @ApplicationScoped
    static class VertxRoute {

        void install(@Observes Router router) {
            router.get("/test-failures/vertx/:kind").handler(context -> {
                Throwable failure = failure(context.pathParam("kind"));
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            });
            router.get("/test-failures/vertx-status/:status")
                    .handler(context -> context.fail(Integer.parseInt(context.pathParam("status"))));
        }
    }
}
