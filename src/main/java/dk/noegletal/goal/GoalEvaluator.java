package dk.noegletal.goal;

import dk.noegletal.goal.Goal.Basis;
import dk.noegletal.goal.Goal.Status;
import dk.noegletal.ranking.CompetitionRanking;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Whether a goal is met, from the figure it measures (and for a rank goal, every municipality's). Plain Java.
 * <ul>
 * <li>fall / rise: the value against the previous year's (for a partial period, the same months a year earlier) or
 * against the stated baseline; an unchanged value neither falls nor rises;</li>
 * <li>below / above: the value against the threshold, strictly unless the goal is inclusive (at most, at least);</li>
 * <li>among-lowest / among-highest N: the area's standard competition rank ("1, 2, 2, 4") among the municipalities
 * with a known value; areas tied at the limit all share it, so all of them are within it.</li>
 * </ul>
 * A value that is unknown (not stored, suppressed) leaves the goal not yet known, with the reason. So does a year or
 * quarter of which only some months are stored, unless the goal is on the year to date: the value so far is
 * evaluated all the same, and {@code onTrack} says whether it would meet the goal.
 */
public final class GoalEvaluator {

    private GoalEvaluator() {
    }

    /** The goal's figure for the area: the value, the same figure a year earlier, and how complete the period is. */
    public record Measurement(Figure value, Figure previousYear, Completeness completeness) {
    }

    /** A municipality a rank goal ranks the area among, with its value. */
    public record Peer(String areaCode, Figure value) {
    }

    /** What the value is held against. */
    public enum ReferenceKind {
        PREVIOUS_YEAR, BASELINE, THRESHOLD, RANK_LIMIT;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Why a goal is not yet known. */
    public record Pending(String code, String message) {

        static Pending of(Reason reason) {
            return new Pending(reason.code(), reason.message());
        }

        static Pending periodNotComplete(Completeness completeness) {
            return new Pending("period-not-complete", completeness.monthsPresent() + " of "
                    + completeness.monthsExpected() + " months of the period are stored: the goal is known when the "
                    + "period is complete, and onTrack says whether the value so far meets it.");
        }
    }

    /**
     * The outcome. {@code margin} is the value minus the reference (previous year, baseline or threshold), or for a
     * rank goal the rank limit minus the rank (0 or more is within it); {@code rank} and {@code ranked} (how many
     * municipalities had a value to rank) are given for rank goals only.
     */
    public record Evaluation(Status status, Figure value, ReferenceKind referenceKind, Figure reference,
            Figure margin, Integer rank, Integer ranked, Completeness completeness, Boolean onTrack,
            Pending pending) {
    }

    /**
     * @param peers for a rank goal, every municipality ranked (the area among them) with its value; else ignored
     */
    public static Evaluation evaluate(Goal goal, String areaCode, Measurement measured, List<Peer> peers) {
        Completeness completeness = measured.completeness();
        Figure value = measured.value();
        ReferenceKind kind = referenceKind(goal);
        if (!value.known()) {
            return new Evaluation(Status.NOT_YET_KNOWN, value, kind, reference(goal, measured, kind), value, null,
                    null, completeness, null, Pending.of(value.reason()));
        }
        Figure reference;
        Figure margin;
        boolean met;
        Integer rank = null;
        Integer ranked = null;
        if (goal.shape().rank()) {
            List<CompetitionRanking.Ranked<String>> ranking = CompetitionRanking.rank(peers.stream()
                    .map(peer -> new CompetitionRanking.Entry<>(peer.areaCode(), peer.value())).toList(),
                    goal.shape() == Goal.Shape.AMONG_LOWEST ? CompetitionRanking.Order.ASC
                            : CompetitionRanking.Order.DESC);
            ranked = (int) ranking.stream().filter(entry -> entry.rank() != null).count();
            rank = ranking.stream().filter(entry -> entry.item().equals(areaCode)).findFirst()
                    .map(CompetitionRanking.Ranked::rank).orElseThrow(() -> new IllegalArgumentException(
                            "the area " + areaCode + " is not among the peers it is ranked with"));
            reference = Figure.of(BigDecimal.valueOf(goal.rankLimit()));
            margin = Figure.of(BigDecimal.valueOf(goal.rankLimit() - (long) rank));
            met = rank <= goal.rankLimit();
        } else {
            reference = reference(goal, measured, kind);
            if (!reference.known()) {
                return new Evaluation(Status.NOT_YET_KNOWN, value, kind, reference, reference, null, null,
                        completeness, null, Pending.of(reference.reason()));
            }
            margin = value.minus(reference);
            int sign = margin.value().signum();
            met = switch (goal.shape()) {
                case FALL -> sign < 0;
                case RISE -> sign > 0;
                case BELOW -> sign < 0 || goal.inclusive() && sign == 0;
                case ABOVE -> sign > 0 || goal.inclusive() && sign == 0;
                default -> throw new IllegalStateException(goal.shape().code());
            };
        }
        boolean wholePeriodNeeded = goal.basis() == Basis.ANNUAL || goal.basis() == Basis.QUARTER;
        if (wholePeriodNeeded && completeness.partial()) {
            return new Evaluation(Status.NOT_YET_KNOWN, value, kind, reference, margin, rank, ranked, completeness,
                    met, Pending.periodNotComplete(completeness));
        }
        return new Evaluation(met ? Status.MET : Status.NOT_MET, value, kind, reference, margin, rank, ranked,
                completeness, null, null);
    }

    private static ReferenceKind referenceKind(Goal goal) {
        if (goal.shape().rank()) {
            return ReferenceKind.RANK_LIMIT;
        }
        if (goal.shape().threshold()) {
            return ReferenceKind.THRESHOLD;
        }
        return goal.baseline() != null ? ReferenceKind.BASELINE : ReferenceKind.PREVIOUS_YEAR;
    }

    private static Figure reference(Goal goal, Measurement measured, ReferenceKind kind) {
        return switch (kind) {
            case PREVIOUS_YEAR -> measured.previousYear();
            case BASELINE -> Figure.of(goal.baseline());
            case THRESHOLD -> Figure.of(goal.threshold());
            case RANK_LIMIT -> Figure.of(BigDecimal.valueOf(goal.rankLimit()));
        };
    }
}
