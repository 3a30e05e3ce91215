package dk.noegletal.report;

import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.timeseries.CompletenessDto;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The annual key-figure appendix (målgruppeoversigt): every target group in catalogue order and "I alt", with each
 * year's average full-time persons, national share and change on the year before.
 */
@Schema(name = "AnnualReport")
public record AnnualReportDto(
        @Nonnull KeyFiguresDto.AreaRef area,
        @Schema(description = "The last year of the report.", examples = "2018") int year,
        @Schema(description = "The years shown, oldest first.", examples = "[\"2016\", \"2017\", \"2018\"]")
        @Nonnull List<String> years,
        @Schema(description = "The newest import among the stored values read.") long dataRevision,
        @Nonnull List<Row> rows) implements Tabular {

    @Override
    public String csvFileName() {
        return "annual-report-" + area.code() + "-" + year;
    }

    /** One row per target group and year, as a spreadsheet pivots it. */
    @Override
    public List<?> csvRows() {
        List<Object> csv = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("areaCode", area.code());
            context.put("areaName", area.name());
            context.put("targetGroup", row.targetGroup());
            csv.addAll(Tabular.withContext(context, row.years()));
        }
        return csv;
    }

    @Schema(name = "AnnualReportRow")
    public record Row(@Nonnull KeyFiguresDto.TargetGroupRef targetGroup, @Nonnull List<Year> years) {
    }

    @Schema(name = "AnnualReportYear")
    public record Year(
            @Schema(examples = "2018") @Nonnull String year,
            @Schema(description = "Annual average of full-time persons.") BigDecimal fullTimePersons,
            @Schema(description = "National share in percent.") BigDecimal nationalShare,
            @Schema(description = "country or sum-of-municipalities.") String nationalShareSource,
            @Schema(description = "Change on the year before, in percent.") BigDecimal changePercent,
            @Schema(description = "Change on the year before, in full-time persons.") BigDecimal changeAbsolute,
            @Nonnull CompletenessDto completeness,
            @Nonnull List<KeyFiguresDto.NoteDto> notes) {
    }
}
