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
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One series of a table (a measure, one member of each dimension) for an area, in period order: the stored periods
 * as they are, or every month, quarter or year with its value by the measure's kind. In CSV a row per point, each
 * with the area, table, measure and members it belongs to.
 */
@Schema(name = "TableSeries")
public record TableSeriesDto(
        @Nonnull KeyFiguresDto.AreaRef area,
        @Nonnull TableFiguresDto.TableRef table,
        @Nonnull TableFiguresDto.MeasureRef measure,
        @Schema(description = "The member of each dimension: the one asked for, else its total.")
        @Nonnull List<TableFiguresDto.MemberRef> members,
        @Schema(description = "The granularity asked for; null for the stored periods as they are.")
        Granularity granularity,
        @Schema(description = "The first period asked for, in canonical form (latest resolved); null without one.",
                examples = "2026-01") String from,
        @Schema(description = "The last period asked for, in canonical form (latest resolved); null without one.",
                examples = "2026-07") String to,
        @Schema(description = "own (stored for the area), sum-of-municipalities (a region or the country) or "
                + "sum-of-members (a cluster); null where the area's values cannot be a sum (a ratio).",
                examples = "own") String valueSource,
        @Schema(description = "The newest import among the values the points were built from (0 when none was).")
        long dataRevision,
        @Nonnull List<Point> points) implements Tabular {

    @Override
    public String csvFileName() {
        return "table-series-" + table.id() + "-" + area.code() + "-" + measure.code()
                + (granularity == null ? "" : "-" + granularity.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", area.code());
        context.put("areaName", area.name());
        context.put("table", table.id());
        context.put("measure", measure.code());
        context.put("members", members.stream().map(member -> member.dimension() + ":" + member.code())
                .collect(Collectors.joining(", ")));
        return Tabular.withContext(context, points, Point.class);
    }

    @Schema(name = "TableSeriesPoint")
    public record Point(
            @Schema(description = "Canonical period code: 2026-07, 2026Q3 or 2026.", examples = "2026-07")
            @Nonnull String period,
            @Nonnull Granularity granularity,
            @Schema(description = "The value by the measure's kind: a stored value for the period itself as it is; "
                    + "else a stock's average of its months, a flow's sum; a head count or ratio has none made of "
                    + "months (no-period-rule). Null with a note saying why.") BigDecimal value,
            @Nonnull CompletenessDto completeness,
            @Schema(description = "The import (revision) that wrote the value; for a value of several, the newest "
                    + "among them; 0 when nothing stored went into it.") long importId,
            @Schema(description = "Why a null value is null, and whether the period is partial.")
            @Nonnull List<KeyFiguresDto.NoteDto> notes) {
    }
}
