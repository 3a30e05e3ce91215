package dk.noegletal.table;

import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.timeseries.CompletenessDto;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 98 municipalities ranked by one measure of a table in a period. */
@Schema(name = "TableRanking")
public record TableRankingDto(
        @Nonnull TableFiguresDto.TableRef table,
        @Nonnull TableFiguresDto.MeasureRef measure,
        @Schema(examples = "2026-07") @Nonnull String period,
        @Schema(enumeration = {"asc", "desc"}) @Nonnull String order,
        @Nonnull List<TableFiguresDto.MemberRef> members,
        long dataRevision,
        @Schema(description = "How many municipalities have a value and a rank.") int ranked,
        @Nonnull List<Row> rows) implements Tabular {

    @Override
    public String csvFileName() {
        return "table-ranking-" + table.id() + "-" + measure.code() + "-" + period;
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("table", table.id());
        context.put("measure", measure.code());
        context.put("period", period);
        return Tabular.withContext(context, rows, Row.class);
    }

    @Schema(name = "TableRankingRow")
    public record Row(@Schema(description = "1 for the lowest value in asc order; null without a value.")
            Integer rank,
            @Nonnull String areaCode, @Nonnull String areaName, BigDecimal value,
            @Nonnull CompletenessDto completeness, @Nonnull List<KeyFiguresDto.NoteDto> notes) {
    }
}
