package dk.noegletal.timeseries;

import jakarta.annotation.Nonnull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Completeness", description = "How much of the period a value covers.")
public record CompletenessDto(
        int monthsPresent,
        int monthsExpected,
        @Schema(description = "as-imported (a value stored for the period itself), months, quarters or none.")
        @Nonnull String basis,
        @Schema(description = "Whether months of the period are missing.") boolean partial) {

    public static CompletenessDto of(Completeness completeness) {
        return new CompletenessDto(completeness.monthsPresent(), completeness.monthsExpected(),
                completeness.basis().code(), completeness.partial());
    }
}
