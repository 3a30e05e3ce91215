package dk.noegletal.sync;

import dk.noegletal.common.Problem;
import dk.noegletal.common.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscriptions to Jobindsats tables, pulled from the Jobindsats API v3 on a schedule or when asked. */
@Path("/api/v1/syncs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobindsats pulls", description = "Subscriptions to Jobindsats tables, pulled from the Jobindsats API v3 "
        + "with the organisation's key (NOEGLETAL_JOBINDSATS_KEY) on a cron schedule or when asked; each pull lands "
        + "as one import. Every operation needs the editor role.")
public class SyncResource {

    private static final String ID = "Subscription id.";
    private static final String NOT_FOUND = "No subscription has this id.";

    private final SyncService service;

    SyncResource(SyncService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listSyncs", summary = "List subscriptions",
            description = "Every subscription with its next scheduled run and its last run.")
    @APIResponse(responseCode = "200", description = "The subscriptions.")
    public List<SyncDto> list() {
        return service.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSync", summary = "Subscribe to a Jobindsats table",
            description = "Records what to pull of a table and when; nothing is pulled until the schedule runs or "
                    + "POST /api/v1/syncs/{id}/run asks.")
    @APIResponse(responseCode = "201", description = "Recorded.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncDto.class)))
    @APIResponse(responseCode = "400", description = "A missing table or periods, a malformed id, value or cron "
            + "expression, or a rolling period type (QMAT, MYTD).")
    public Response create(SyncRequest request, @Context UriInfo uri) {
        SyncDto created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSync", summary = "One subscription, with its status",
            description = "Its selection, the requests a pull sends, its next scheduled run, what Jobindsats last "
                    + "said of the table, and its last run.")
    @APIResponse(responseCode = "200", description = "The subscription.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public SyncDto get(@Parameter(description = ID, example = "1") @PathParam("id") String id) {
        return service.find(id(id)).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSync", summary = "Replace a subscription",
            description = "A changed selection is pulled whole at the next run, whether or not Jobindsats has "
                    + "updated the table since.")
    @APIResponse(responseCode = "200", description = "The subscription as it now is.")
    @APIResponse(responseCode = "400", description = "As for creating one.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public SyncDto update(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            SyncRequest request) {
        return service.update(id(id), request).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSync", summary = "Delete a subscription",
            description = "Its schedule and runs go; what its pulls imported stays.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public void delete(@Parameter(description = ID, example = "1") @PathParam("id") String id) {
        if (!service.delete(id(id))) {
            throw notFound(id);
        }
    }

    @POST
    @Path("/{id}/run")
    @Operation(operationId = "runSync", summary = "Pull a subscription now",
            description = "Asks Jobindsats for the table's update_latest; when it has not moved since the last pull "
                    + "that landed, no data is asked for (skipped) unless force=true. Else the data is pulled and "
                    + "imported as one import: imported, or unchanged when Jobindsats has nothing new (then the data "
                    + "version, and every ETag, stays). The run is recorded whatever its outcome.")
    @APIResponse(responseCode = "201", description = "Pulled: imported, unchanged or skipped. Location is the run.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SyncRunDto.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The subscription is being pulled now.")
    @APIResponse(responseCode = "502", description = "The pull failed and stored nothing: Jobindsats refused (401 "
            + "key, 422 selection), failed after the retries (429, 5xx), did not answer in time, or answered what "
            + "cannot be stored. The problem's upstream member has Jobindsats' status, cause and request_id as they "
            + "came, its instance the run.")
    public Response run(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @Parameter(description = "Pull the data even when Jobindsats has not updated the table since the last "
                    + "pull.", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("force") String force,
            @Context UriInfo uri) {
        SyncRunDto run = service.pull(id(id), SyncService.MANUAL, flag(force)).orElseThrow(() -> notFound(id));
        URI address = uri.getBaseUriBuilder().path(SyncResource.class).path(String.valueOf(run.subscription()))
                .path("runs").path(String.valueOf(run.id())).build();
        if ("failed".equals(run.outcome())) {
            throw ProblemException.of(new Problem(ProblemException.type("pull-failed"), "The pull failed", 502,
                    run.sentence(), null, null, address.getPath(), run.jobindsats() == null ? null
                            : new Problem.Upstream(run.jobindsats().status(), run.jobindsats().cause(),
                                    run.jobindsats().requestId())), null);
        }
        return Response.created(address).entity(run).build();
    }

    @GET
    @Path("/{id}/runs")
    @Operation(operationId = "listSyncRuns", summary = "A subscription's runs", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The runs.")
    @APIResponse(responseCode = "400", description = "A limit that is not 1-1000.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<SyncRunDto> runs(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @Parameter(description = "At most this many (1-1000, default 50).",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit) {
        return service.runs(id(id), limit(limit)).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/runs/{run}")
    @Operation(operationId = "getSyncRun", summary = "One run of a subscription")
    @APIResponse(responseCode = "200", description = "The run.")
    @APIResponse(responseCode = "404", description = "No such subscription, or no such run of it.")
    public SyncRunDto run(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @Parameter(description = "Run id.", example = "1") @PathParam("run") String run) {
        return service.run(id(id), id(run)).orElseThrow(() -> ProblemException.notFound("Subscription " + id
                + " has no run with id " + run + "."));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean flag(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalidParameter("The parameter 'force' must be true or false, not '" + text + "'.");
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ProblemException.invalidParameter("The parameter 'limit' must be a number of runs from 1 to 1000, not '"
                + text.trim() + "'.");
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("There is no subscription with id " + id + ".");
    }
}
