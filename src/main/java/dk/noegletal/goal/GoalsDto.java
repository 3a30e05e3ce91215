package dk.noegletal.goal;

import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.KeyFiguresDto;
import jakarta.annotation.Nonnull;
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
        return Tabular.withContext(context, goals.stream().map(goal -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", goal.id());
            row.put("year", goal.year());
            row.put("title", goal.title());
            row.put("measure", goal.measure());
            row.put("basis", goal.basis());
            row.put("quarter", goal.quarter());
            row.put("month", goal.month());
            row.put("shape", goal.shape());
            row.put("baseline", goal.baseline());
            row.put("threshold", goal.threshold());
            row.put("inclusive", goal.inclusive());
            row.put("rankLimit", goal.rankLimit());
            row.put("among", goal.among());
            row.put("evaluation", goal.evaluation());
            return row;
        }).toList());
    }
}
