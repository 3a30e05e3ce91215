package dk.noegletal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The Jobindsats API v3 as its users call it: every request with {@code format=json} and the organisation's key as a
 * bearer token (added by {@link JobindsatsKey}). An answer other than 2xx becomes a {@link JobindsatsException}
 * carrying Jobindsats' own {@code cause} and {@code request_id}.
 */
@RegisterRestClient(configKey = "jobindsats")
@RegisterClientHeaders(JobindsatsKey.class)
@ClientQueryParam(name = "format", value = "json")
@Produces(MediaType.APPLICATION_JSON)
interface JobindsatsApi {

    /** The catalogue: subjects, their table groups and tables, each with table_id, update_latest, update_next. */
    @GET
    @Path("/tables")
    JsonNode tables();

    /** One table's metadata: its name, periods per period type, dimensions with hierarchies, measure groups. */
    @GET
    @Path("/table/{id}")
    JsonNode table(@PathParam("id") String tableId);

    /**
     * A table's data, selected by the query ({@code mgroup.*=*}, {@code period.M=latest:14},
     * {@code hierarchy._nykom=*}, ...): {@code {"columns": [...], "rows": [[...]]}}, read as a stream.
     */
    @GET
    @Path("/data/{id}")
    RestResponse<InputStream> data(@PathParam("id") String tableId, @RestQuery Map<String, String> query);

    @ClientExceptionMapper
    static RuntimeException failed(Response response) {
        return JobindsatsException.of(response);
    }
}
