package dk.noegletal.timeseries;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The stored observations of one area, target group and measure, in period order. */
@Schema(name = "Series")
public record SeriesDto(
        Ref area,
        @Schema(description = "Absent for population measures.") Ref targetGroup,
        @Schema(examples = "full-time-persons") String measure,
        List<SeriesPointDto> points) {

    /** A code with its name. */
    @Schema(name = "Ref")
    public record Ref(String code, String name) {
    }
}
