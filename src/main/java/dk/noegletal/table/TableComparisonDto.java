package dk.noegletal.table;

import dk.noegletal.area.AreaType;
import dk.noegletal.comparison.ComparisonDto;
import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Granularity;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An area's value of one series of a table and its change on the year, beside its region's, the country's and a
 * cluster's, each classified. The table is {@code rows}, one flat record per area with the area itself first.
 */
@Schema(name = "TableComparison")
public record TableComparisonDto(
        @Nonnull ComparisonDto.AreaRef area,
        @Nonnull TableFiguresDto.TableRef table,
        @Nonnull TableFiguresDto.MeasureRef measure,
        @Schema(description = "The member of each dimension: the one asked for, else its total.")
        @Nonnull List<TableFiguresDto.MemberRef> members,
        @Schema(description = "The period, in canonical form (latest resolved).", examples = "2026-07")
        @Nonnull String period,
        @Nonnull Granularity granularity,
        @Schema(description = "The same period a year earlier, which changes are measured against.",
                examples = "2025-07") @Nonnull String previousPeriod,
        @Schema(description = "Differences between change percents within this many percentage points either way "
                + "(bounds included) are on level.", examples = "1.0") @Nonnull BigDecimal tolerancePp,
        @Schema(description = "The newest import among the stored values read (0 when none was).")
        long dataRevision,
        @Schema(description = "The area itself (role area), then its region, the country and the cluster.")
        @Nonnull List<Row> rows,
        @Schema(description = "Comparisons that have no area: the region of an area that is not a municipality, "
                + "or the area itself.") @Nonnull List<ComparisonDto.Skipped> skipped) implements Tabular {

    @Override
    public String csvFileName() {
        return "table-comparison-" + table.id() + "-" + area.code() + "-" + measure.code() + "-" + period;
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("table", table.id());
        context.put("measure", measure.code());
        context.put("members", members.stream().map(member -> member.dimension() + ":" + member.code())
                .collect(Collectors.joining(", ")));
        context.put("period", period);
        context.put("previousPeriod", previousPeriod);
        context.put("tolerancePp", tolerancePp);
        return Tabular.withContext(context, rows, Row.class);
    }

    @Schema(name = "TableComparisonRow")
    public record Row(
            @Schema(description = "area for the area itself, comparison for an area it is compared with.",
                    enumeration = {"area", "comparison"}) @Nonnull String role,
            @Schema(description = "region, country or cluster:CODE; null on the area's own row.", examples = "region")
            String with,
            @Schema(examples = "1084") @Nonnull String areaCode,
            @Schema(examples = "Region Hovedstaden") @Nonnull String areaName,
            @Nonnull AreaType areaType,
            @Schema(description = "The value for the period by the measure's kind: a stock's average of its months, "
                    + "a flow's sum, a head count's or ratio's imported value.") BigDecimal value,
            @Schema(description = "The same figure a year earlier (for a partial period: the same months).")
            BigDecimal previousYear,
            BigDecimal changeAbsolute,
            @Schema(description = "(value − previous) / previous × 100.") BigDecimal changePercent,
            @Schema(description = "own (stored for the area), sum-of-municipalities (a region or the country) or "
                    + "sum-of-members (a cluster); null where the value cannot be a sum (a ratio).")
            String valueSource,
            @Nonnull CompletenessDto completeness,
            @Schema(description = "The area's change percent minus this row's, in percentage points; null on the "
                    + "area's own row.") BigDecimal changeDifferencePp,
            @Schema(description = "The area's change against this row's: higher (the difference exceeds "
                    + "tolerancePp), lower (below −tolerancePp) or on level; null on the area's own row.",
                    enumeration = {"higher", "on level", "lower"}) String classification,
            @Schema(description = "Why each null figure is null, and whether the period is partial.")
            @Nonnull List<KeyFiguresDto.NoteDto> notes) {
    }
}
