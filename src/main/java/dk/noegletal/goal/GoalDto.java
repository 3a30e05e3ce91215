package dk.noegletal.goal;

import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.table.TableFiguresDto;
import dk.noegletal.timeseries.CompletenessDto;
import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A goal as it stands (or stood, asOf), with its evaluation. */
@Schema(name = "Goal")
public record GoalDto(
        @Schema(description = "The goal's id; it stays the same when the goal is changed.") long id,
        @Nonnull KeyFiguresDto.AreaRef area,
        @Schema(examples = "2022") int year,
        @Nonnull String title,
        @Nonnull Measure measure,
        @Schema(description = "annual, year-to-date, quarter or month.") @Nonnull String basis,
        @Schema(description = "The quarter of a goal on a quarter.") Integer quarter,
        @Schema(description = "The month of a goal on a month.") Integer month,
        @Schema(description = "fall, rise, below, above, among-lowest or among-highest.") @Nonnull String shape,
        @Schema(description = "fall / rise: the stated level instead of the previous year's value.")
        BigDecimal baseline,
        @Schema(description = "below / above: the level.") BigDecimal threshold,
        @Schema(description = "below / above: whether the threshold itself meets the goal (at most, at least).")
        boolean inclusive,
        @Schema(description = "among-lowest / among-highest: how many municipalities the area must be among.")
        Integer rankLimit,
        @Schema(description = "among-lowest / among-highest: the cluster ranked among; null for all "
                + "municipalities.") KeyFiguresDto.AreaRef among,
        @Schema(description = "When this version of the goal was recorded.") @Nonnull OffsetDateTime recordedAt,
        @Nonnull Evaluation evaluation) {

    /** What the goal measures. */
    @Schema(name = "GoalMeasure")
    public record Measure(
            @Schema(description = "The target group (key figures); null for a table's series.")
            KeyFiguresDto.TargetGroupRef targetGroup,
            @Schema(description = "The table; null for a target group.") TableFiguresDto.TableRef table,
            @Schema(description = "The table's measure; null for a target group.") TableFiguresDto.MeasureRef measure,
            @Schema(description = "The table's member of each dimension; empty for a target group.")
            @Nonnull List<TableFiguresDto.MemberRef> members,
            @Schema(description = "full-time-persons or value, share-of-population or national-share.")
            @Nonnull String figure,
            @Schema(description = "The figure in Danish words, as the sentence of the evaluation uses it.",
                    examples = "andelen af befolkningen 16-66 år på Uddannelseshjælp (uddannelsesparate)")
            @Nonnull String description) {
    }

    /** Whether the goal is met, with the numbers that decide it. */
    @Schema(name = "GoalEvaluation")
    public record Evaluation(
            @Schema(description = "met, not-met or not-yet-known.") @Nonnull String status,
            @Schema(description = "The period measured.", examples = "2022") @Nonnull String period,
            @Schema(description = "The value measured (for a partial year or quarter, of the months stored so "
                    + "far); null when unknown, see reason.") BigDecimal value,
            @Nonnull Reference reference,
            @Schema(description = "value − reference (previous year, baseline, threshold); for a rank goal the rank "
                    + "limit − the rank, 0 or more being within it.") BigDecimal margin,
            @Schema(description = "Rank goals: the area's rank (standard competition ranking, 1 = lowest for "
                    + "among-lowest).") Integer rank,
            @Schema(description = "Rank goals: how many municipalities had a value to rank.") Integer ranked,
            @Nonnull CompletenessDto completeness,
            @Schema(description = "While the period is not complete: whether the value so far meets the goal; "
                    + "otherwise null.") Boolean onTrack,
            @Schema(description = "Why the goal is not yet known; null when it is known.") Reason reason,
            @Schema(description = "The evaluation as one Danish sentence, its numbers computed.") @Nonnull
            String sentence) {
    }

    /** What the value is held against. */
    @Schema(name = "GoalReference")
    public record Reference(
            @Schema(description = "previous-year, baseline, threshold or rank-limit.") @Nonnull String kind,
            @Schema(description = "The previous year's value (null when unknown), the baseline, the threshold or "
                    + "the rank limit.") BigDecimal value,
            @Schema(description = "previous-year: the period it is of.", examples = "2021") String period) {
    }

    @Schema(name = "GoalPendingReason")
    public record Reason(
            @Schema(description = "period-not-complete, or the reason of the figure: no-data, suppressed, "
                    + "no-previous-value, no-population, ...") @Nonnull String code,
            @Nonnull String message) {
    }
}
