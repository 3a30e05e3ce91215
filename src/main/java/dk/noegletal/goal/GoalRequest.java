package dk.noegletal.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A goal as an editor sends it (POST, or PUT to replace one); see the README, "Goals", for an example per shape. */
@Schema(name = "GoalRequest")
public record GoalRequest(
        @Schema(description = "The year of the plan the goal belongs to.", examples = "2022")
        @NotNull(message = "a goal needs a year") Integer year,
        @Schema(description = "The goal as the plan words it.",
                examples = "Andelen af 20-29-årige på offentlig forsørgelse skal under 8,0 procent i 2022")
        @NotBlank(message = "a goal needs a title")
        @Size(max = 300, message = "a title has at most 300 characters") String title,
        @NotNull(message = "a goal needs a measure: a target group, or a table's series") @Valid
        MeasureRequest measure,
        @Schema(description = "annual (the year's average; the default), year-to-date, quarter or month.",
                examples = "annual") String basis,
        @Schema(description = "The quarter (1-4) of a goal on a quarter.") Integer quarter,
        @Schema(description = "The month (1-12) of a goal on a month.") Integer month,
        @Schema(description = "fall, rise, below, above, among-lowest or among-highest.", examples = "below")
        @NotBlank(message = "a goal needs a shape: fall, rise, below, above, among-lowest or among-highest")
        String shape,
        @Schema(description = "fall / rise only: the level to fall below or rise above instead of the previous "
                + "year's value.", examples = "12.6") BigDecimal baseline,
        @Schema(description = "below / above only: the level.", examples = "8.0") BigDecimal threshold,
        @Schema(description = "below / above only: true when the threshold itself meets the goal (at most, at "
                + "least); false by default (under, over).") Boolean inclusive,
        @Schema(description = "among-lowest / among-highest only: how many municipalities the area must be among.",
                examples = "3") Integer rankLimit,
        @Schema(description = "among-lowest / among-highest only: a cluster whose members the area is ranked "
                + "among, instead of all 98 municipalities.") String among) {

    /** What a goal measures: a target group's figure, or a figure of a table's series. */
    @Schema(name = "GoalMeasureRequest")
    public record MeasureRequest(
            @Schema(description = "A target group of the key figures (or i-alt); not with table.",
                    examples = "uddannelseshjaelp") String targetGroup,
            @Schema(description = "A table id; not with targetGroup.", examples = "y25i09") String table,
            @Schema(description = "A table's measure by code or label (by default its first).") String measure,
            @Schema(description = "A table's members, each dimension:member (by default each dimension's total).")
            List<String> members,
            @Schema(description = "For a target group: full-time-persons, share-of-population or national-share; "
                    + "for a table: value, share-of-population or national-share.",
                    examples = "share-of-population")
            @NotBlank(message = "a goal's measure needs a figure: full-time-persons (a target group) or value (a "
                    + "table), share-of-population or national-share") String figure) {
    }
}
