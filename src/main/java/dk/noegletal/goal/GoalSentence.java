package dk.noegletal.goal;

import dk.noegletal.common.DanishNumbers;
import dk.noegletal.goal.Goal.Status;
import dk.noegletal.goal.GoalEvaluator.Evaluation;
import dk.noegletal.goal.GoalEvaluator.ReferenceKind;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The evaluation of a goal as one Danish sentence a committee reads, every number in it taken from the evaluation
 * and written the Danish way (1.234,5; 8,9 %). Shares are written with up to two decimals, other values with up to
 * one. Plain Java.
 */
final class GoalSentence {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("suppressed", "Jobindsats har diskretioneret et tal, som målingen bygger på"),
            Map.entry("no-data", "der er endnu ingen tal for perioden"),
            Map.entry("no-previous-value", "der er intet tal for samme periode året før at sammenligne med"),
            Map.entry("no-comparable-previous-value", "de samme måneder året før er ikke alle opgjort"),
            Map.entry("no-population", "befolkningen 16-66 år for området og perioden mangler"),
            Map.entry("no-national-figure", "landstallet mangler"),
            Map.entry("not-additive", "målet er en andel eller et gennemsnit, som ikke lægges sammen over områder "
                    + "eller sættes over for landstallet"),
            Map.entry("no-period-rule", "tallet kan ikke regnes ud af måneder, og der er intet tal for selve "
                    + "perioden"),
            Map.entry("incomplete-parts", "ikke alle dele af summen har et tal for perioden"),
            Map.entry("incomplete-areas", "ikke alle kommuner i summen har et tal for perioden"),
            Map.entry("zero-base", "grundlaget for procenten er 0"));

    /** What the sentence speaks of: the area's name, the figure in words, and whether it is a share in percent. */
    record Subject(String areaName, String what, boolean percent) {
    }

    private GoalSentence() {
    }

    static String of(Goal goal, Subject subject, Evaluation evaluation) {
        String aim = aim(goal, subject, evaluation);
        if (!evaluation.value().known() || !evaluation.reference().known()) {
            Figure missing = evaluation.value().known() ? evaluation.reference() : evaluation.value();
            String reason = REASONS.getOrDefault(missing.reason().code(), evaluation.pending().message());
            return aim + " Målet kan ikke gøres op for " + goal.period().danishName() + ": " + reason + ".";
        }
        boolean provisional = evaluation.status() == Status.NOT_YET_KNOWN;
        String measured = "I " + period(goal, evaluation.completeness()) + (provisional ? " er " : " var ");
        String value = number(evaluation.value().value(), subject.percent());
        String outcome = provisional ? " Målet kan gøres op, når " + (goal.basis() == Goal.Basis.QUARTER
                ? "kvartalet" : "året") + " er omme; med tallene indtil nu er det " + (evaluation.onTrack() ? ""
                        : "ikke ") + "på sporet."
                : " Målet er " + (evaluation.status() == Status.MET ? "nået." : "ikke nået.");
        if (goal.shape().rank()) {
            return aim + " " + measured + subject.areaName() + " nr. " + evaluation.rank() + " af "
                    + evaluation.ranked() + " (" + value + ")." + outcome;
        }
        if (goal.shape().threshold()) {
            return aim + " " + measured + "tallet " + value + "." + outcome;
        }
        String reference = number(evaluation.reference().value(), subject.percent());
        String against = evaluation.referenceKind() == ReferenceKind.BASELINE ? "udgangspunktet " + reference
                : reference + " i " + (evaluation.completeness().partial() ? "de samme måneder af "
                        + (goal.year() - 1) : goal.period().yearEarlier().danishName());
        BigDecimal margin = evaluation.margin().value();
        String change = margin.signum() == 0 ? "uændret"
                : (margin.signum() < 0 ? "et fald på " : "en stigning på ")
                        + digits(margin.abs(), subject.percent()) + (subject.percent() ? " procentpoint" : "");
        return aim + " " + measured + "tallet " + value + " mod " + against + ", " + change + "." + outcome;
    }

    /** What the goal asks, e.g. "Andelen ... skal være under 8,0 %." */
    private static String aim(Goal goal, Subject subject, Evaluation evaluation) {
        String what = capitalised(subject.what());
        return switch (goal.shape()) {
            case FALL, RISE -> what + " skal " + (goal.shape() == Goal.Shape.FALL ? "falde" : "stige")
                    + (goal.baseline() == null ? " i forhold til året før."
                            : " i forhold til udgangspunktet " + number(goal.baseline(), subject.percent()) + ".");
            case BELOW, ABOVE -> what + " skal være " + (goal.shape() == Goal.Shape.BELOW
                    ? (goal.inclusive() ? "højst " : "under ") : (goal.inclusive() ? "mindst " : "over "))
                    + number(goal.threshold(), subject.percent()) + ".";
            case AMONG_LOWEST, AMONG_HIGHEST -> subject.areaName() + " skal være blandt de " + goal.rankLimit()
                    + " kommuner, hvor " + subject.what() + " er " + (goal.shape() == Goal.Shape.AMONG_LOWEST
                            ? "lavest." : "højest.");
        };
    }

    /** The period the value covers, saying how much of it when only some months are stored. */
    private static String period(Goal goal, Completeness completeness) {
        String period = goal.period().danishName();
        if (completeness != null && completeness.partial() && completeness.monthsPresent() > 0) {
            return period + (goal.basis() == Goal.Basis.YEAR_TO_DATE ? " til dato" : " indtil nu") + " ("
                    + completeness.monthsPresent() + " af " + completeness.monthsExpected() + " måneder)";
        }
        return period;
    }

    /** A number the Danish way: thousands with '.', decimals with ',', up to two for a share (then " %"). */
    static String number(BigDecimal value, boolean percent) {
        return digits(value, percent) + (percent ? " %" : "");
    }

    /** The digits of a number the Danish way, as many decimals as a share (or percentage points) or a value takes. */
    private static String digits(BigDecimal value, boolean share) {
        return share ? DanishNumbers.format(value, 1, 2) : DanishNumbers.format(value, 0, 1);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(DanishNumbers.DANISH) + text.substring(1);
    }
}
