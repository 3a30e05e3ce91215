package dk.noegletal.ranking;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.ranking.CompetitionRanking.Order;
import dk.noegletal.timeseries.LatestPeriodService;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodParameter;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings", description = "Municipalities ordered by a key figure.")
public class RankingResource {

    private final RankingService service;
    private final KeyFigureService keyFigures;
    private final LatestPeriodService latest;

    RankingResource(RankingService service, KeyFigureService keyFigures, LatestPeriodService latest) {
        this.service = service;
        this.keyFigures = keyFigures;
        this.latest = latest;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getRanking", summary = "Rank municipalities by a key figure",
            description = "The 98 municipalities, or a cluster's members, ranked by a key figure of a target group "
                    + "in a period. Equal values share a rank and the next rank skips (1, 2, 2, 4). Areas without a "
                    + "value come last, without a rank and with the reason. The country is given as a reference "
                    + "row, and a highlighted area with its rank even when it falls outside the limit. \"Third "
                    + "lowest\" is rank 3 in ascending order.")
    @APIResponse(responseCode = "200", description = "The ranking.")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter, or a highlighted area that "
            + "is not among those ranked.")
    @APIResponse(responseCode = "404", description = "Unknown target group or cluster, or latest where nothing is "
            + "stored.")
    public RankingDto get(
            @Parameter(description = "Target-group code, or i-alt for the total.", example = "dagpenge",
                    required = true) @QueryParam("targetGroup") String targetGroup,
            @Parameter(description = PeriodParameter.DESCRIPTION_OR_LATEST + " Latest looks at the stored "
                    + "full-time persons of every area (also when ranking a cluster), so that all are ranked in one "
                    + "period.",
                    example = "2018", required = true) @QueryParam("period") String period,
            @Parameter(description = "The figure to rank by: share-of-population (full-time persons in percent of "
                    + "the population 16-66), full-time-persons, change-percent (on the same period a year "
                    + "earlier) or national-share.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"share-of-population", "full-time-persons", "change-percent",
                            "national-share"}, defaultValue = "share-of-population"))
            @QueryParam("by") @DefaultValue("share-of-population") String by,
            @Parameter(description = "asc gives the lowest value rank 1, desc the highest.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"asc", "desc"}, defaultValue = "asc"))
            @QueryParam("order") @DefaultValue("asc") String order,
            @Parameter(description = "List at most this many rows; by default all.", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("limit") String limit,
            @Parameter(description = "An area code whose rank to give in 'highlight', also when it falls outside "
                    + "the limit.", example = "157") @QueryParam("highlight") String highlight,
            @Parameter(description = "Rank the members of this cluster instead of all municipalities.")
            @QueryParam("cluster") String cluster) {
        String group = required("targetGroup", targetGroup,
                "a code from /api/v1/target-groups, or i-alt for the total");
        PeriodParameter.Given givenPeriod = PeriodParameter.requiredOrLatest("period", period);
        RankBy rankBy = RankBy.parse(by).orElseThrow(() -> invalid("Unknown value '" + by + "' for 'by'; use "
                + RankBy.codes() + "."));
        Order parsedOrder = Order.parse(order).orElseThrow(() -> invalid("Unknown value '" + order
                + "' for 'order'; use asc or desc."));
        keyFigures.requireTargetGroup(group);
        Period parsedPeriod = givenPeriod.resolve(latest::ofAllAreas);
        String clusterCode = blankToNull(cluster);
        RankingService.Query query = new RankingService.Query(group, parsedPeriod, rankBy, parsedOrder,
                limit(limit), blankToNull(highlight), clusterCode);
        return service.rank(query)
                .orElseThrow(() -> ProblemException.notFound("There is no cluster with code " + clusterCode + "."));
    }

    private static Integer limit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw invalid("The parameter 'limit' must be a whole number of at least 1, not '" + text + "'.");
    }

    private static String required(String parameter, String text, String hint) {
        if (text == null || text.isBlank()) {
            throw invalid("The parameter '" + parameter + "' is required; use " + hint + ".");
        }
        return text.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-parameter", "Invalid request parameter", detail);
    }
}
