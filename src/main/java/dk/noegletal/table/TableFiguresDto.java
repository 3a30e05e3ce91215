package dk.noegletal.table;

import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Granularity;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures of one measure of a table for an area and period: one row, or one per member of the dimension broken
 * down ({@code by}). Every null figure has a note saying why.
 */
@Schema(name = "TableFigures")
public record TableFiguresDto(
        @Nonnull KeyFiguresDto.AreaRef area,
        @Nonnull TableRef table,
        @Nonnull MeasureRef measure,
        @Schema(description = "The period, in canonical form (latest resolved).", examples = "2026-07")
        @Nonnull String period,
        @Nonnull Granularity granularity,
        @Schema(examples = "2025-07") @Nonnull String previousPeriod,
        @Schema(description = "The newest import among the stored values read (0 when none was).")
        long dataRevision,
        @Schema(description = "The member of each dimension not broken down: the one asked for, else its total.")
        @Nonnull List<MemberRef> members,
        @Schema(description = "The dimension broken down into rows, if one was asked for.") String by,
        @Nonnull List<Row> rows) implements Tabular {

    @Override
    public String csvFileName() {
        return "table-figures-" + table.id() + "-" + area.code() + "-" + period;
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", area.code());
        context.put("areaName", area.name());
        context.put("table", table.id());
        context.put("measure", measure.code());
        context.put("period", period);
        context.put("previousPeriod", previousPeriod);
        return Tabular.withContext(context, rows, Row.class);
    }

    @Schema(name = "TableRef")
    public record TableRef(@Nonnull String id, @Nonnull String name) {
    }

    @Schema(name = "TableMeasureRef")
    public record MeasureRef(@Nonnull String code, @Nonnull String label, @Nonnull String kind) {
    }

    @Schema(name = "TableMemberRef")
    public record MemberRef(@Nonnull String dimension, @Nonnull String code, @Nonnull String label) {
    }

    @Schema(name = "TableFiguresRow")
    public record Row(
            @Schema(description = "The member of the dimension broken down; null without a breakdown.")
            MemberRef member,
            @Schema(description = "The value for the period by the measure's kind: a stock's average of its "
                    + "months, a flow's sum, a head count's or ratio's imported value.") BigDecimal value,
            @Schema(description = "The same figure a year earlier (for a partial period: the same months).")
            BigDecimal previousYear,
            @Schema(description = "own (stored for the area), sum-of-municipalities (a region or the country) or "
                    + "sum-of-members (a cluster).") String valueSource,
            @Nonnull KeyFiguresDto.ChangeDto change,
            @Nonnull KeyFiguresDto.NationalShareDto nationalShare,
            @Nonnull KeyFiguresDto.ShareOfPopulationDto shareOfPopulation,
            @Nonnull CompletenessDto completeness,
            @Nonnull List<KeyFiguresDto.NoteDto> notes) {
    }
}
