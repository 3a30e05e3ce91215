package dk.noegletal.comparison;

import dk.noegletal.area.AreaType;
import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFiguresDto.NoteDto;
import dk.noegletal.timeseries.Granularity;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An area's figures for one target group and period beside those of the areas it is compared with. The table is
 * {@code rows}, one flat record per area with the area itself first; what it is about is at the top level.
 */
@Schema(name = "Comparison")
public record ComparisonDto(
        @Nonnull AreaRef area,
        @Nonnull TargetGroupRef targetGroup,
        @Schema(description = "The period asked for, in canonical form.", examples = "2018") @Nonnull String period,
        @Nonnull Granularity granularity,
        @Schema(description = "The same period a year earlier, which changes are measured against.",
                examples = "2017") @Nonnull String previousPeriod,
        @Schema(description = "Differences between change percents within this many percentage points either way "
                + "(bounds included) are on level.", examples = "1.0") @Nonnull BigDecimal tolerancePp,
        @Schema(description = "The newest import among the stored values read (0 when none was).")
        long dataRevision,
        @Schema(description = "The area itself (role area), then each area compared with, in the order asked for.")
        @Nonnull List<Row> rows,
        @Schema(description = "Comparisons asked for that have no area: the region of an area that is not a "
                + "municipality, the area itself, or an area already listed.") @Nonnull List<Skipped> skipped)
        implements Tabular {

    @Override
    public String csvFileName() {
        return "comparison-" + area.code() + "-" + targetGroup.code() + "-" + period;
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("targetGroupCode", targetGroup.code());
        context.put("targetGroupName", targetGroup.name());
        context.put("period", period);
        context.put("previousPeriod", previousPeriod);
        context.put("tolerancePp", tolerancePp);
        return Tabular.withContext(context, rows, Row.class);
    }

    @Schema(name = "ComparisonArea")
    public record AreaRef(@Nonnull String code, @Nonnull String name, @Nonnull AreaType type) {
    }

    @Schema(name = "ComparisonTargetGroup")
    public record TargetGroupRef(@Nonnull String code, @Nonnull String name) {
    }

    @Schema(name = "ComparisonRow")
    public record Row(
            @Schema(description = "area for the area itself, comparison for an area it is compared with.",
                    enumeration = {"area", "comparison"}) @Nonnull String role,
            @Schema(description = "How the comparison was asked for (region, country, cluster:CODE or a code); "
                    + "null on the area's own row.", examples = "region") String with,
            @Schema(examples = "1084") @Nonnull String areaCode,
            @Schema(examples = "Region Hovedstaden") @Nonnull String areaName,
            @Nonnull AreaType areaType,
            @Schema(description = "Average full-time persons over the period.") BigDecimal fullTimePersons,
            @Schema(description = "The same figure a year earlier (for a partial period: the same months).")
            BigDecimal previousYear,
            BigDecimal changeAbsolute,
            @Schema(description = "(value − previous) / previous × 100.") BigDecimal changePercent,
            @Schema(description = "full-time persons / population 16-66 × 100.") BigDecimal shareOfPopulation,
            BigDecimal shareOfPopulationPreviousYear,
            @Schema(description = "Change of the share of population in percentage points.")
            BigDecimal shareOfPopulationChangePp,
            @Schema(description = "The area's change percent minus this row's, in percentage points; null on the "
                    + "area's own row.") BigDecimal changeDifferencePp,
            @Schema(description = "The area's change against this row's: higher (the difference exceeds "
                    + "tolerancePp), lower (below −tolerancePp) or on level; null on the area's own row.",
                    enumeration = {"higher", "on level", "lower"}) String classification,
            @Schema(description = "Why each null figure is null, and whether the period is partial.")
            @Nonnull List<NoteDto> notes) {
    }

    @Schema(name = "ComparisonSkipped")
    public record Skipped(
            @Schema(description = "The entry of the with parameter.", examples = "region") @Nonnull String with,
            @Schema(examples = "Region Hovedstaden is a region; only a municipality has a region to compare with.")
            @Nonnull String message) {
    }
}
