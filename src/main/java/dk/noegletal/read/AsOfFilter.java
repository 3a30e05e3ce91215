package dk.noegletal.read;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Takes {@code asOf} from any read, so that the figures are those that stood after the given import. */
class AsOfFilter {

    /** Runs before the caching filter, whose ETag depends on the revision read. */
    static final int PRIORITY = 4000;

    private final ReadRevision revision;

    AsOfFilter(ReadRevision revision) {
        this.revision = revision;
    }

    @ServerRequestFilter(priority = PRIORITY)
    void readAsOf(ContainerRequestContext request) {
        String asOf = request.getUriInfo().getQueryParameters().getFirst("asOf");
        if (asOf != null && !asOf.isBlank() && "GET".equals(request.getMethod())) {
            revision.asOf(asOf);
        }
    }
}
