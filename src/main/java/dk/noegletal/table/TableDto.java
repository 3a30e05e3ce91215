package dk.noegletal.table;

import jakarta.annotation.Nonnull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A table of the catalogue: its dimensions with their member trees, its measures and the periods it holds. */
@Schema(name = "Table")
public record TableDto(
        @Schema(description = "The table id: Jobindsats' own (y25i09) or one chosen at import.", examples = "y25i09")
        @Nonnull String id,
        @Nonnull String name,
        @Schema(description = "Where the figures come from.", examples = "Jobindsats") @Nonnull String source,
        @Schema(description = "The dimensions in column order; a series takes one member of each.")
        @Nonnull List<DimensionDto> dimensions,
        @Nonnull List<MeasureDto> measures,
        @Nonnull PeriodsDto periods) {

    @Schema(name = "TableDimension")
    public record DimensionDto(@Schema(examples = "a-kasse") @Nonnull String code,
            @Schema(examples = "A-kasse") @Nonnull String label,
            @Schema(description = "The members as a tree: a total member (\"I alt\") holds its siblings as "
                    + "children, and is never added to them.") @Nonnull List<MemberDto> members) {
    }

    @Schema(name = "TableMember")
    public record MemberDto(@Schema(examples = "i-alt") @Nonnull String code,
            @Schema(examples = "I alt") @Nonnull String label,
            @Schema(description = "Whether this member is the total of its children, and the default when the "
                    + "dimension is not chosen.") boolean total,
            @Nonnull List<MemberDto> children) {
    }

    @Schema(name = "TableMeasure")
    public record MeasureDto(@Nonnull String code, @Nonnull String label,
            @Schema(description = "stock (a quarter or year is the average of its months), flow (the sum), "
                    + "head-count or ratio (only values imported for the period). Regions, clusters and sums over "
                    + "municipalities add stock, flow and head-count, never a ratio; only they have national shares "
                    + "and shares of the population.", enumeration = {"stock", "flow", "head-count", "ratio"})
            @Nonnull String kind,
            @Schema(description = "inferred (from the label, by the rules in the README) or editor.")
            @Nonnull String kindSetBy) {
    }

    @Schema(name = "TablePeriods", description = "The periods the table holds, per granularity.")
    public record PeriodsDto(PeriodRangeDto month, PeriodRangeDto quarter, PeriodRangeDto year) {
    }

    @Schema(name = "TablePeriodRange")
    public record PeriodRangeDto(@Schema(examples = "2025-05") @Nonnull String first,
            @Schema(examples = "2026-06") @Nonnull String latest,
            @Schema(description = "How many periods of this granularity hold values.") int count) {
    }
}
