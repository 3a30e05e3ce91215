package dk.noegletal.keyfigure;

import dk.noegletal.export.Tabular;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Granularity;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The key figures of one area and period. Every null figure has a note saying why. In CSV a row per target group,
 * each with the area and the periods compared.
 */
@Schema(name = "KeyFigures")
public record KeyFiguresDto(
        @Nonnull AreaRef area,
        @Schema(description = "The period asked for, in canonical form.", examples = "2018") @Nonnull String period,
        @Nonnull Granularity granularity,
        @Schema(description = "The same period a year earlier, which changes are measured against.",
                examples = "2017") @Nonnull String previousPeriod,
        @Schema(description = "The newest import among the stored values read (0 when none was).")
        long dataRevision,
        @Schema(description = "The target groups in catalogue order (parents before their sub-groups), then "
                + "\"I alt\" (code i-alt), the sum of the top-level groups.")
        @Nonnull List<Row> groups) implements Tabular {

    @Override
    public String csvFileName() {
        return "key-figures-" + area.code() + "-" + period;
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", area.code());
        context.put("areaName", area.name());
        context.put("period", period);
        context.put("previousPeriod", previousPeriod);
        return Tabular.withContext(context, groups, Row.class);
    }

    @Schema(name = "KeyFiguresArea")
    public record AreaRef(@Nonnull String code, @Nonnull String name) {
    }

    @Schema(name = "KeyFigureRow")
    public record Row(
            @Nonnull TargetGroupRef targetGroup,
            @Schema(description = "Average full-time persons over the period.") BigDecimal fullTimePersons,
            @Schema(description = "The same figure for the same period a year earlier (for a partial period: "
                    + "the same months).") BigDecimal previousYear,
            @Schema(description = "own, sum-of-children (no own figure is stored) or sum-of-top-level-groups.")
            @Nonnull String valueSource,
            @Nonnull ChangeDto change,
            @Nonnull NationalShareDto nationalShare,
            @Nonnull ShareOfPopulationDto shareOfPopulation,
            @Nonnull CompletenessDto completeness,
            @Schema(description = "Why each null figure is null, and whether the period is partial.")
            @Nonnull List<NoteDto> notes) {
    }

    @Schema(name = "KeyFigureTargetGroup")
    public record TargetGroupRef(@Nonnull String code, @Nonnull String name, String parentCode, int level) {
    }

    @Schema(name = "Change", description = "The change on the same period a year earlier.")
    public record ChangeDto(BigDecimal absolute,
            @Schema(description = "(value − previous) / previous × 100; null when previous is missing or 0.")
            BigDecimal percent) {
    }

    @Schema(name = "NationalShare", description = "The area's value as a percentage of the national value.")
    public record NationalShareDto(
            @Schema(description = "value / national value × 100.") BigDecimal value,
            BigDecimal previousYear,
            @Schema(description = "Change in percentage points.") BigDecimal changePp,
            @Schema(description = "Relative change of the share in percent.") BigDecimal changePercent,
            @Schema(description = "country (the stored figure of area 000) or sum-of-municipalities (used only "
                    + "when no country figure is stored and every municipality has a value).") String source) {
    }

    @Schema(name = "ShareOfPopulation", description = "The value as a percentage of the population 16-66.")
    public record ShareOfPopulationDto(BigDecimal value, BigDecimal previousYear,
            @Schema(description = "Change in percentage points.") BigDecimal changePp) {
    }

    @Schema(name = "Note")
    public record NoteDto(
            @Schema(description = "The figure the note is about.", examples = "change.percent") @Nonnull String field,
            @Schema(description = "suppressed, no-data, no-previous-value, no-comparable-previous-value, "
                    + "incomplete-parts, zero-base, no-population, no-national-figure, not-additive, no-period-rule, "
                    + "incomplete-areas, or partial-period (the value "
                    + "is known but covers only some months).", examples = "zero-base") @Nonnull String reason,
            @Nonnull String message) {
    }
}
