package dk.noegletal.measure;

import jakarta.annotation.Nonnull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Measure")
public record MeasureDto(
        @Schema(examples = "full-time-persons") @Nonnull String code,
        @Schema(description = "The Danish label Jobindsats uses for it.", examples = "Antal fuldtidspersoner")
        @Nonnull String label,
        @Nonnull String description,
        @Schema(description = "Whether its observations belong to a target group; population figures do not.")
        boolean perTargetGroup) {

    static MeasureDto of(Measure measure) {
        return new MeasureDto(measure.code(), measure.label(), measure.description(), measure.perTargetGroup());
    }
}
