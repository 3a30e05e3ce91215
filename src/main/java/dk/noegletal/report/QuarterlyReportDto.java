package dk.noegletal.report;

import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.timeseries.CompletenessDto;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The quarterly report (kvartalsrapport) of an area: every target group and "I alt" for one quarter. */
@Schema(name = "QuarterlyReport")
public record QuarterlyReportDto(
        KeyFiguresDto.AreaRef area,
        @Schema(examples = "2018Q4") String quarter,
        @Schema(examples = "2017Q4") String sameQuarterLastYear,
        @Schema(examples = "2018Q3") String previousQuarter,
        @Schema(description = "The areas the report compares with: the region (for a municipality) and the country.")
        List<KeyFiguresDto.AreaRef> comparedWith,
        @Schema(description = "Tolerance of the classification, in percentage points.") BigDecimal tolerancePp,
        @Schema(description = "The import (revision) the figures come from: the newest among the values read.")
        long dataRevision,
        @Schema(description = "When that import ran.") OffsetDateTime dataRevisionImportedAt,
        @Schema(description = "Said when the quarter cannot be reported, e.g. only annual values are stored.")
        String notice,
        List<Row> rows) {

    @Schema(name = "QuarterlyReportRow")
    public record Row(
            KeyFiguresDto.TargetGroupRef targetGroup,
            @Schema(description = "Quarter average of full-time persons.") BigDecimal fullTimePersons,
            CompletenessDto completeness,
            @Schema(description = "Against the same quarter last year.") Change onYear,
            @Schema(description = "Against the previous quarter.") Change onQuarter,
            KeyFiguresDto.NationalShareDto nationalShare,
            KeyFiguresDto.ShareOfPopulationDto shareOfPopulation,
            List<Comparison> comparisons,
            List<KeyFiguresDto.NoteDto> notes) {
    }

    @Schema(name = "QuarterlyChange")
    public record Change(BigDecimal previous, BigDecimal absolute, BigDecimal percent) {
    }

    @Schema(name = "QuarterlyComparison", description = "The same group's change on the year in another area.")
    public record Comparison(
            KeyFiguresDto.AreaRef area,
            BigDecimal fullTimePersons,
            @Schema(description = "Its change on the same quarter last year, in percent.") BigDecimal changePercent,
            @Schema(description = "The report area's change percent minus this area's, in percentage points.")
            BigDecimal differencePp,
            @Schema(description = "higher, on level or lower: the report area's change against this area's.")
            String classification) {
    }
}
