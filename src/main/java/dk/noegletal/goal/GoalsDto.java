package dk.noegletal.goal;

import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFiguresDto;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An area's goals, each evaluated; in CSV a row per goal. */
@Schema(name = "Goals")
public record GoalsDto(
        @Nonnull KeyFiguresDto.AreaRef area,
        @Schema(description = "The year asked for; null for the goals of every year.") Integer year,
        @Schema(description = "The last month whose values were used, when 'through' was given.",
                examples = "2022-06") String through,
        @Schema(description = "The revision read: the newest import (or the one asked for with asOf).")
        long dataRevision,
        @Schema(description = "By year, then in the order they were recorded.") @Nonnull List<GoalDto> goals)
        implements Tabular {

    @Override
    public String csvFileName() {
        return "goals-" + area.code() + (year == null ? "" : "-" + year);
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", area.code());
        context.put("areaName", area.name());
        context.put("dataRevision", dataRevision);
        return Tabular.withContext(context, goals.stream().map(Row::of).toList(), Row.class);
    }

    /** A goal in CSV: its area is in the context of every row, and when it was recorded is left to JSON. */
    record Row(long id, int year, String title, GoalDto.Measure measure, String basis, Integer quarter,
            Integer month, String shape, BigDecimal baseline, BigDecimal threshold, boolean inclusive,
            Integer rankLimit, KeyFiguresDto.AreaRef among, GoalDto.Evaluation evaluation) {

        static Row of(GoalDto goal) {
            return new Row(goal.id(), goal.year(), goal.title(), goal.measure(), goal.basis(), goal.quarter(),
                    goal.month(), goal.shape(), goal.baseline(), goal.threshold(), goal.inclusive(),
                    goal.rankLimit(), goal.among(), goal.evaluation());
        }
    }
}
