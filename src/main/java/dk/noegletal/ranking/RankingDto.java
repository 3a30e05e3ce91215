package dk.noegletal.ranking;

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
 * Municipalities (or a cluster's members) ordered by a key figure. The table is {@code rows}, one flat record per
 * area; what the table is about (group, period, figure, order) and the reference rows are at the top level.
 */
@Schema(name = "Ranking")
public record RankingDto(
        @Nonnull Ref targetGroup,
        @Schema(description = "The period asked for, in canonical form.", examples = "2018") @Nonnull String period,
        @Nonnull Granularity granularity,
        @Schema(description = "The same period a year earlier, which change-percent is measured against.",
                examples = "2017") @Nonnull String previousPeriod,
        @Schema(description = "The figure ranked by.", examples = "share-of-population") @Nonnull String by,
        @Schema(description = "asc: rank 1 is the lowest value; desc: the highest.", examples = "asc")
        @Nonnull String order,
        @Schema(description = "The cluster whose members are ranked; null when all municipalities are.")
        Ref cluster,
        @Schema(description = "How many areas are ranked or listed without a value (98 for all municipalities).")
        int areaCount,
        @Schema(description = "How many of them have a value and so a rank.") int rankedCount,
        @Schema(description = "The limit asked for; null when every area is listed.") Integer limit,
        @Schema(description = "The newest import among the stored values read (0 when none was).")
        long dataRevision,
        @Schema(description = "The country (000) with its value for comparison; it has no rank.")
        @Nonnull Row reference,
        @Schema(description = "The highlighted area with its rank, also when it falls outside the limit; null when "
                + "none is asked for.") Row highlight,
        @Schema(description = "The areas with a value by rank (ties share a rank: 1, 2, 2, 4), in catalogue order "
                + "within a tie; then those without a value, in catalogue order, with the reason. At most 'limit' "
                + "rows.") @Nonnull List<Row> rows) implements Tabular {

    @Override
    public String csvFileName() {
        return "ranking-" + targetGroup.code() + "-" + period + "-" + by;
    }

    /** The ranked rows, each with what was ranked and the country's value beside it for reference. */
    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("targetGroupCode", targetGroup.code());
        context.put("period", period);
        context.put("by", by);
        context.put("order", order);
        context.put("countryValue", reference == null ? null : reference.value());
        return Tabular.withContext(context, rows, Row.class);
    }

    @Schema(name = "RankingRef")
    public record Ref(@Nonnull String code, @Nonnull String name) {
    }

    @Schema(name = "RankingRow")
    public record Row(
            @Schema(description = "Standard competition rank (1, 2, 2, 4); null when the area has no value.",
                    examples = "3") Integer rank,
            @Schema(examples = "157") @Nonnull String areaCode,
            @Schema(examples = "Gentofte") @Nonnull String areaName,
            @Schema(description = "The figure ranked by: a percentage for share-of-population, change-percent and "
                    + "national-share, full-time persons for full-time-persons.") BigDecimal value,
            @Schema(description = "Why the value is null (field \"value\"), and whether the period is partial.")
            @Nonnull List<NoteDto> notes) {
    }
}
