package dk.noegletal.timeseries;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SeriesPoint")
public record SeriesPointDto(
        @Schema(description = "Canonical period code: 2018-12, 2018Q4 or 2018.", examples = "2018")
        @Nonnull String period,
        @Nonnull Granularity granularity,
        @Schema(description = "The value in full precision; null when suppressed.") BigDecimal value,
        @Schema(description = "ok, or suppressed when Jobindsats blanked the cell.", examples = "ok")
        @Nonnull String status,
        @Schema(description = "The import (revision) that wrote this value; for an average, the newest import "
                + "among its values.") long importId,
        @Schema(description = "When that import ran.") @Nonnull OffsetDateTime importedAt,
        @Schema(description = "For a series at a granularity: how much of the period the average covers.")
        @JsonInclude(JsonInclude.Include.NON_NULL) CompletenessDto completeness) {
}
