package dk.noegletal.timeseries;

import dk.noegletal.export.Tabular;
import jakarta.annotation.Nonnull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The stored observations of one area, target group and measure, in period order. In CSV a row per point, each
 * with the area, target group and measure it belongs to.
 */
@Schema(name = "Series")
public record SeriesDto(
        @Nonnull Ref area,
        @Schema(description = "Null for population measures.") Ref targetGroup,
        @Schema(examples = "full-time-persons") @Nonnull String measure,
        @Nonnull List<SeriesPointDto> points) implements Tabular {

    @Override
    public String csvFileName() {
        return "series-" + area.code() + (targetGroup == null ? "" : "-" + targetGroup.code()) + "-" + measure;
    }

    @Override
    public List<?> csvRows() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", area.code());
        context.put("areaName", area.name());
        context.put("targetGroupCode", targetGroup == null ? null : targetGroup.code());
        context.put("targetGroupName", targetGroup == null ? null : targetGroup.name());
        context.put("measure", measure);
        return Tabular.withContext(context, points, SeriesPointDto.class);
    }

    /** A code with its name. */
    @Schema(name = "Ref")
    public record Ref(@Nonnull String code, @Nonnull String name) {
    }
}
