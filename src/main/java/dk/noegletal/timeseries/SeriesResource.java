package dk.noegletal.timeseries;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.measure.Measure;
import dk.noegletal.targetgroup.TargetGroupDto;
import dk.noegletal.targetgroup.TargetGroupService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/series")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Series", description = "The stored observations.")
public class SeriesResource {

    private final SeriesService series;
    private final AreaService areas;
    private final TargetGroupService targetGroups;
    private final LatestPeriodService latest;

    SeriesResource(SeriesService series, AreaService areas, TargetGroupService targetGroups,
            LatestPeriodService latest) {
        this.series = series;
        this.areas = areas;
        this.targetGroups = targetGroups;
        this.latest = latest;
    }

    /** How {@code from} and {@code to} describe the words for the newest period. */
    private static final String LATEST_IN_SERIES = "latest: the newest period of the series at its granularity (with "
            + "granularity=quarter the newest quarter with any value stored; without granularity the newest month "
            + "stored, where no month is the newest quarter, else year), or latest-month, latest-quarter, "
            + "latest-year; 404 when nothing is stored for the series.";

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getSeries", summary = "Get a stored series",
            description = "The current observations of one area, target group and measure in period order, each "
                    + "with its value, status and the import (revision) that wrote it. Population measures take "
                    + "no target group.")
    @APIResponse(responseCode = "200", description = "The series; empty when nothing is stored for it.")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter.")
    @APIResponse(responseCode = "404", description = "Unknown area or target group, or latest in from or to "
            + "where nothing is stored for the series.")
    public SeriesDto get(
            @Parameter(description = "Area code.", example = "157", required = true) @QueryParam("area") String areaCode,
            @Parameter(description = "Target-group code; required for full-time-persons and persons, absent for "
                    + "population measures.", example = "dagpenge") @QueryParam("targetGroup") String groupCode,
            @Parameter(description = "Measure code.", example = "full-time-persons")
            @QueryParam("measure") @DefaultValue("full-time-persons") String measureCode,
            @Parameter(description = "First period (any accepted form), inclusive. Or " + LATEST_IN_SERIES,
                    example = "2016") @QueryParam("from") String from,
            @Parameter(description = "Last period (any accepted form), inclusive. Or " + LATEST_IN_SERIES,
                    example = "2018") @QueryParam("to") String to,
            @Parameter(description = "Give averages per month, quarter or year (a quarter or year is the average "
                    + "of its months; a value stored for the period itself is used as it is), each with its "
                    + "completeness. Without it, the stored values as they are.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"month", "quarter", "year"}))
            @QueryParam("granularity") String granularity) {
        if (areaCode == null || areaCode.isBlank()) {
            throw ProblemException.invalidParameter("The parameter 'area' is required, e.g. area=157.");
        }
        Measure measure = Measure.find(measureCode)
                .orElseThrow(() -> ProblemException.invalidParameter("Unknown measure '" + measureCode + "'; use one of " + Measure.codes() + "."));
        AreaDto area = areas.find(areaCode)
                .orElseThrow(() -> ProblemException.notFound("There is no area with code " + areaCode + "."));
        TargetGroupDto group = null;
        if (measure.perTargetGroup()) {
            if (groupCode == null || groupCode.isBlank()) {
                throw ProblemException.invalidParameter("The parameter 'targetGroup' is required for the measure " + measure.code() + ".");
            }
            group = targetGroups.find(groupCode).orElseThrow(
                    () -> ProblemException.notFound("There is no target group with code " + groupCode + "."));
        } else if (groupCode != null && !groupCode.isBlank()) {
            throw ProblemException.invalidParameter("The measure " + measure.code() + " has no target groups; leave out 'targetGroup'.");
        }
        PeriodParameter.Given givenFirst = PeriodParameter.optionalOrLatest("from", from);
        PeriodParameter.Given givenLast = PeriodParameter.optionalOrLatest("to", to);
        String storedGroup = group == null ? null : group.code();
        Granularity averagedBy = granularity(granularity);
        // latest means the newest period of the granularity asked for; without one, as for the key figures.
        Function<LatestPeriod, Period> newest = word -> latest.ofSeries(area, storedGroup, measure,
                word == LatestPeriod.LATEST && averagedBy != null ? LatestPeriod.of(averagedBy) : word);
        Period first = givenFirst == null ? null : givenFirst.resolve(newest);
        Period last = givenLast == null ? null : givenLast.resolve(newest);
        if (first != null && last != null && first.start().isAfter(last.end())) {
            throw ProblemException.invalidParameter("'from' (" + first + ") comes after 'to' (" + last + ").");
        }
        return new SeriesDto(new SeriesDto.Ref(area.code(), area.name()),
                group == null ? null : new SeriesDto.Ref(group.code(), group.name()), measure.code(),
                averagedBy == null ? series.points(area.code(), storedGroup, measure, first, last)
                        : series.averages(area.code(), storedGroup, measure, averagedBy, first, last));
    }

    private static Granularity granularity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Granularity granularity : Granularity.values()) {
            if (granularity.name().equalsIgnoreCase(text.trim())) {
                return granularity;
            }
        }
        throw ProblemException.invalidParameter("Unknown granularity '" + text + "'; use month, quarter or year.");
    }
}
