package dk.noegletal.report;

import dk.noegletal.export.Tabular;
import dk.noegletal.goal.GoalDto;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.timeseries.CompletenessDto;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The quarterly report (kvartalsrapport) of an area: every target group and "I alt" for one quarter. */
@Schema(name = "QuarterlyReport")
public record QuarterlyReportDto(
        @Nonnull KeyFiguresDto.AreaRef area,
        @Schema(examples = "2018Q4") @Nonnull String quarter,
        @Schema(examples = "2017Q4") @Nonnull String sameQuarterLastYear,
        @Schema(examples = "2018Q3") @Nonnull String previousQuarter,
        @Schema(description = "The areas the report compares with: the region (for a municipality) and the country.")
        @Nonnull List<KeyFiguresDto.AreaRef> comparedWith,
        @Schema(description = "Tolerance of the classification, in percentage points.") @Nonnull BigDecimal tolerancePp,
        @Schema(description = "The import (revision) the figures come from: the newest among the values read.")
        long dataRevision,
        @Schema(description = "When that import ran.") OffsetDateTime dataRevisionImportedAt,
        @Schema(description = "Said when the quarter cannot be reported, e.g. only annual values are stored.")
        String notice,
        @Nonnull List<Row> rows,
        @Schema(description = "The area's goals for the quarter's year, evaluated as of the quarter: from the values "
                + "of periods ending by the quarter's end, so a goal on the year is not yet known before the fourth "
                + "quarter, with onTrack. The same as /api/v1/areas/{code}/goals?year=…&through=…; in CSV there.")
        @Nonnull List<GoalDto> goals) implements Tabular {

    @Override
    public String csvFileName() {
        return "quarterly-report-" + area.code() + "-" + quarter;
    }

    /** One row per target group; each compared area gets its own columns (vs1084_change_percent, ...). */
    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", area.code());
        context.put("areaName", area.name());
        context.put("quarter", quarter);
        context.put("dataRevision", dataRevision);
        List<Object> csv = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("targetGroup", row.targetGroup());
            columns.put("fullTimePersons", row.fullTimePersons());
            columns.put("completeness", row.completeness());
            columns.put("onYear", row.onYear());
            columns.put("onQuarter", row.onQuarter());
            columns.put("nationalShare", row.nationalShare());
            columns.put("shareOfPopulation", row.shareOfPopulation());
            for (Comparison comparison : row.comparisons()) {
                columns.put("vs" + comparison.area().code(), comparison);
            }
            columns.put("notes", row.notes());
            csv.addAll(Tabular.withContext(context, List.of(columns)));
        }
        return csv;
    }

    @Schema(name = "QuarterlyReportRow")
    public record Row(
            @Nonnull KeyFiguresDto.TargetGroupRef targetGroup,
            @Schema(description = "Quarter average of full-time persons.") BigDecimal fullTimePersons,
            @Nonnull CompletenessDto completeness,
            @Schema(description = "Against the same quarter last year.") @Nonnull Change onYear,
            @Schema(description = "Against the previous quarter.") @Nonnull Change onQuarter,
            @Nonnull KeyFiguresDto.NationalShareDto nationalShare,
            @Nonnull KeyFiguresDto.ShareOfPopulationDto shareOfPopulation,
            @Nonnull List<Comparison> comparisons,
            @Nonnull List<KeyFiguresDto.NoteDto> notes) {
    }

    @Schema(name = "QuarterlyChange")
    public record Change(BigDecimal previous, BigDecimal absolute, BigDecimal percent) {
    }

    @Schema(name = "QuarterlyComparison", description = "The same group's change on the year in another area.")
    public record Comparison(
            @Nonnull KeyFiguresDto.AreaRef area,
            BigDecimal fullTimePersons,
            @Schema(description = "Its change on the same quarter last year, in percent.") BigDecimal changePercent,
            @Schema(description = "The report area's change percent minus this area's, in percentage points.")
            BigDecimal differencePp,
            @Schema(description = "higher, on level or lower: the report area's change against this area's.")
            String classification) {
    }
}
