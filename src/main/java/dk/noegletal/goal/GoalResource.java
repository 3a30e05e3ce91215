package dk.noegletal.goal;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.timeseries.PeriodParameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The goals of an area's employment plan (Beskæftigelsesplan), and whether they are met. */
@Path("/api/v1/areas/{code}/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "The goals of the employment plan: fall or rise against last year or a baseline, "
        + "below or above a threshold, among the N lowest or highest municipalities; each evaluated as met, not-met "
        + "or not-yet-known.")
public class GoalResource {

    private static final String THROUGH = "Evaluate from the values of periods that end by the end of this month, "
            + "quarter or year (2022-06, 2022Q2, 2022), as a report of that quarter would: a year is then partial. "
            + "By default every stored value counts.";

    private final GoalService service;

    GoalResource(GoalService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "listGoals", summary = "An area's goals, evaluated",
            description = "The goals as they stand (with asOf: as they stood, on the data of that revision), each "
                    + "with its status: met, not-met, or not-yet-known (a figure missing or suppressed, or a year or "
                    + "quarter not complete: then the value so far and onTrack), the measured value, the reference, "
                    + "the margin and one Danish sentence.")
    @APIResponse(responseCode = "200", description = "The goals, evaluated.")
    @APIResponse(responseCode = "400", description = "A year that is not a number, or a bad 'through'.")
    @APIResponse(responseCode = "404", description = "Unknown area.")
    public GoalsDto list(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "Only the goals of this year.", example = "2022",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year,
            @Parameter(description = THROUGH, example = "2022Q2") @QueryParam("through") String through) {
        return service.list(code, year(year), PeriodParameter.optional("through", through))
                .orElseThrow(() -> ProblemException.notFound("There is no area with code " + code + "."));
    }

    @POST
    @Operation(operationId = "createGoal", summary = "Record a goal",
            description = "See the README, \"Goals\", for an example of each shape.")
    @APIResponse(responseCode = "201", description = "Recorded; the goal with its evaluation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GoalDto.class)))
    @APIResponse(responseCode = "400", description = "A missing or unknown field, a field the shape does not take, "
            + "an unknown target group, table, measure or member, or a rank goal on an area that is not a "
            + "municipality.")
    @APIResponse(responseCode = "404", description = "Unknown area.")
    public Response create(@Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @NotNull(message = "the body is missing") @Valid GoalRequest request, @Context UriInfo uri) {
        GoalDto created = service.create(code, request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGoal", summary = "One goal, evaluated")
    @APIResponse(responseCode = "200", description = "The goal with its evaluation.")
    @APIResponse(responseCode = "400", description = "A bad 'through'.")
    @APIResponse(responseCode = "404", description = "Unknown area, or no such goal of the area (asOf: then).")
    public GoalDto get(@Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "Goal id.", example = "1") @PathParam("id") String id,
            @Parameter(description = THROUGH, example = "2022Q2") @QueryParam("through") String through) {
        return service.find(code, id(code, id), PeriodParameter.optional("through", through))
                .orElseThrow(() -> notFound(code, id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateGoal", summary = "Replace a goal",
            description = "The goal keeps its id; the version it replaces is still read as of earlier moments.")
    @APIResponse(responseCode = "200", description = "The goal as it now is, with its evaluation.")
    @APIResponse(responseCode = "400", description = "As for creating a goal.")
    @APIResponse(responseCode = "404", description = "Unknown area, or no such goal of the area.")
    public GoalDto update(@Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "Goal id.", example = "1") @PathParam("id") String id,
            @NotNull(message = "the body is missing") @Valid GoalRequest request) {
        return service.update(code, id(code, id), request).orElseThrow(() -> notFound(code, id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteGoal", summary = "Delete a goal",
            description = "It is no longer listed, but still read as of moments before the deletion.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "Unknown area, or no such goal of the area.")
    public void delete(@Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "Goal id.", example = "1") @PathParam("id") String id) {
        if (!service.delete(code, id(code, id))) {
            throw notFound(code, id);
        }
    }

    private static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter("The parameter 'year' must be a year such as 2022, not '"
                    + text.trim() + "'.");
        }
    }

    private static long id(String code, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw notFound(code, text);
        }
    }

    private static ProblemException notFound(String code, String id) {
        return ProblemException.notFound("Area " + code + " has no goal with id " + id + ".");
    }
}
