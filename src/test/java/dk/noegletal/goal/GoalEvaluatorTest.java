package dk.noegletal.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.noegletal.goal.Goal.Basis;
import dk.noegletal.goal.Goal.Shape;
import dk.noegletal.goal.Goal.Status;
import dk.noegletal.goal.GoalEvaluator.Evaluation;
import dk.noegletal.goal.GoalEvaluator.Measurement;
import dk.noegletal.goal.GoalEvaluator.Peer;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalEvaluatorTest {

    private static final Completeness YEAR = new Completeness(12, 12, Completeness.Basis.MONTHS);
    private static final Completeness HALF_YEAR = new Completeness(6, 12, Completeness.Basis.MONTHS);

    @ParameterizedTest(name = "{0}: {1} against {2} is {3}")
    @CsvSource({
        "FALL, 8.9, 9.1, met, -0.2",
        "FALL, 9.1, 9.1, not-met, 0",
        "FALL, 9.3, 9.1, not-met, 0.2",
        "RISE, 198, 144, met, 54",
        "RISE, 47, 52, not-met, -5",
        "RISE, 52, 52, not-met, 0"
    })
    void directionAgainstThePreviousYear(Shape shape, String value, String previous, String status,
            String margin) {
        Evaluation evaluation = evaluate(goal(shape, Basis.ANNUAL, null, null, false, null),
                measured(value, previous, YEAR));
        assertEquals(status, evaluation.status().code());
        assertEquals(new BigDecimal(margin).compareTo(evaluation.margin().value()), 0);
        assertEquals(new BigDecimal(previous).compareTo(evaluation.reference().value()), 0);
        assertEquals("previous-year", evaluation.referenceKind().code());
        assertNull(evaluation.onTrack());
    }

    @Test
    void aStatedBaselineReplacesThePreviousYear() {
        // 12.7 is below last year's 12.9 but not below the plan's baseline of 12.6.
        Evaluation evaluation = evaluate(goal(Shape.FALL, Basis.ANNUAL, new BigDecimal("12.6"), null, false, null),
                measured("12.7", "12.9", YEAR));
        assertEquals(Status.NOT_MET, evaluation.status());
        assertEquals("baseline", evaluation.referenceKind().code());
        assertEquals(0, new BigDecimal("0.1").compareTo(evaluation.margin().value()));
    }

    @ParameterizedTest(name = "{0} {1} (inclusive {2}) with {3} is {4}")
    @CsvSource({
        "BELOW, 8.0, false, 7.9, met",
        "BELOW, 8.0, false, 8.0, not-met",
        "BELOW, 8.0, true, 8.0, met",
        "BELOW, 8.0, false, 8.2, not-met",
        "ABOVE, 77.0, false, 77.0, not-met",
        "ABOVE, 77.0, true, 77.0, met",
        "ABOVE, 77.0, true, 76.9, not-met",
        "ABOVE, 77.0, false, 80, met"
    })
    void thresholds(Shape shape, String threshold, boolean inclusive, String value, String status) {
        Evaluation evaluation = evaluate(goal(shape, Basis.ANNUAL, null, new BigDecimal(threshold), inclusive, null),
                measured(value, null, YEAR));
        assertEquals(status, evaluation.status().code());
        assertEquals("threshold", evaluation.referenceKind().code());
    }

    @Test
    void amongTheLowestIsMetAtTheLimitAndNotBeyondIt() {
        List<Peer> peers = peers("1.0", "2.0", "3.0", "4.0", "5.0");
        Goal goal = goal(Shape.AMONG_LOWEST, Basis.ANNUAL, null, null, false, 3);
        Evaluation third = GoalEvaluator.evaluate(goal, "a3", measured("3.0", null, YEAR), peers);
        assertEquals(Status.MET, third.status());
        assertEquals(3, third.rank());
        assertEquals(5, third.ranked());
        assertEquals(0, third.margin().value().signum());
        Evaluation fourth = GoalEvaluator.evaluate(goal, "a4", measured("4.0", null, YEAR), peers);
        assertEquals(Status.NOT_MET, fourth.status());
        assertEquals(4, fourth.rank());
        assertEquals(0, BigDecimal.ONE.negate().compareTo(fourth.margin().value()));
    }

    @Test
    void areasTiedAtTheLimitAreAllWithinIt() {
        // 1, 2, 3, 3, 5: the two at 3.0 share rank 3, so both are among the three lowest; 4.0 is fifth.
        List<Peer> peers = peers("1.0", "2.0", "3.0", "3.00", "4.0");
        Goal goal = goal(Shape.AMONG_LOWEST, Basis.ANNUAL, null, null, false, 3);
        assertEquals(Status.MET, GoalEvaluator.evaluate(goal, "a4", measured("3.00", null, YEAR), peers).status());
        Evaluation last = GoalEvaluator.evaluate(goal, "a5", measured("4.0", null, YEAR), peers);
        assertEquals(5, last.rank());
        assertEquals(Status.NOT_MET, last.status());
        // Tied above the limit: 1, 2, 2, 2 with a limit of 2: all three at 2.0 are within it.
        List<Peer> tiedAbove = peers("1.0", "2.0", "2.0", "2.0");
        Goal two = goal(Shape.AMONG_LOWEST, Basis.ANNUAL, null, null, false, 2);
        assertEquals(Status.MET, GoalEvaluator.evaluate(two, "a4", measured("2.0", null, YEAR), tiedAbove).status());
    }

    @Test
    void amongTheHighestRanksFromTheTopAndLeavesUnknownPeersUnranked() {
        List<Peer> peers = new ArrayList<>(peers("10", "30", "20"));
        peers.add(new Peer("suppressed", Figure.missing(Reason.SUPPRESSED)));
        Evaluation evaluation = GoalEvaluator.evaluate(goal(Shape.AMONG_HIGHEST, Basis.ANNUAL, null, null, false, 1),
                "a2", measured("30", null, YEAR), peers);
        assertEquals(Status.MET, evaluation.status());
        assertEquals(1, evaluation.rank());
        assertEquals(3, evaluation.ranked());
    }

    @Test
    void aPartialYearIsNotYetKnownAndSaysWhetherItIsOnTrack() {
        Evaluation offTrack = evaluate(goal(Shape.BELOW, Basis.ANNUAL, null, new BigDecimal("8.0"), false, null),
                measured("8.2", null, HALF_YEAR));
        assertEquals(Status.NOT_YET_KNOWN, offTrack.status());
        assertEquals(Boolean.FALSE, offTrack.onTrack());
        assertEquals("period-not-complete", offTrack.pending().code());
        assertEquals(0, new BigDecimal("8.2").compareTo(offTrack.value().value()));
        Evaluation onTrack = evaluate(goal(Shape.FALL, Basis.ANNUAL, null, null, false, null),
                measured("8.0", "8.4", HALF_YEAR));
        assertEquals(Status.NOT_YET_KNOWN, onTrack.status());
        assertEquals(Boolean.TRUE, onTrack.onTrack());
        // A partial quarter waits for its last month too.
        Evaluation quarter = evaluate(goal(Shape.RISE, Basis.QUARTER, null, null, false, null),
                measured("110", "100", new Completeness(2, 3, Completeness.Basis.MONTHS)));
        assertEquals(Status.NOT_YET_KNOWN, quarter.status());
        assertEquals(Boolean.TRUE, quarter.onTrack());
    }

    @Test
    void aGoalOnTheYearToDateIsDecidedOnTheMonthsSoFar() {
        Evaluation evaluation = evaluate(goal(Shape.RISE, Basis.YEAR_TO_DATE, null, null, false, null),
                measured("47", "52", HALF_YEAR));
        assertEquals(Status.NOT_MET, evaluation.status());
        assertNull(evaluation.onTrack());
        assertEquals(0, new BigDecimal("-5").compareTo(evaluation.margin().value()));
    }

    @Test
    void aSuppressedValueIsNotYetKnownWithItsReason() {
        Evaluation evaluation = evaluate(goal(Shape.BELOW, Basis.ANNUAL, null, new BigDecimal("8.0"), false, null),
                new Measurement(Figure.missing(Reason.SUPPRESSED), Figure.missing(Reason.NO_DATA), YEAR));
        assertEquals(Status.NOT_YET_KNOWN, evaluation.status());
        assertEquals("suppressed", evaluation.pending().code());
        assertNull(evaluation.value().value());
        assertNull(evaluation.onTrack());
    }

    @Test
    void aMissingPreviousYearLeavesADirectionGoalNotYetKnown() {
        Evaluation evaluation = evaluate(goal(Shape.FALL, Basis.ANNUAL, null, null, false, null),
                new Measurement(Figure.of(new BigDecimal("8.9")), Figure.missing(Reason.NO_PREVIOUS_VALUE), YEAR));
        assertEquals(Status.NOT_YET_KNOWN, evaluation.status());
        assertEquals("no-previous-value", evaluation.pending().code());
        assertEquals(0, new BigDecimal("8.9").compareTo(evaluation.value().value()));
    }

    @Test
    void aRankGoalWithoutTheAreasValueIsNotYetKnown() {
        List<Peer> peers = new ArrayList<>(peers("1.0", "2.0"));
        peers.add(new Peer("x", Figure.missing(Reason.NO_DATA)));
        Evaluation evaluation = GoalEvaluator.evaluate(goal(Shape.AMONG_LOWEST, Basis.ANNUAL, null, null, false, 3),
                "x", new Measurement(Figure.missing(Reason.NO_DATA), Figure.missing(Reason.NO_DATA), YEAR), peers);
        assertEquals(Status.NOT_YET_KNOWN, evaluation.status());
        assertEquals("no-data", evaluation.pending().code());
    }

    private static Goal goal(Shape shape, Basis basis, BigDecimal baseline, BigDecimal threshold, boolean inclusive,
            Integer rankLimit) {
        return new Goal(2018, shape, basis, basis == Basis.QUARTER ? 2 : null, baseline, threshold, inclusive,
                rankLimit);
    }

    private static Measurement measured(String value, String previous, Completeness completeness) {
        return new Measurement(Figure.of(new BigDecimal(value)), previous == null
                ? Figure.missing(Reason.NO_PREVIOUS_VALUE) : Figure.of(new BigDecimal(previous)), completeness);
    }

    private static Evaluation evaluate(Goal goal, Measurement measured) {
        return GoalEvaluator.evaluate(goal, "a", measured, List.of());
    }

    /** Areas a1, a2, ... with the values in order. */
    private static List<Peer> peers(String... values) {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            peers.add(new Peer("a" + (i + 1), Figure.of(new BigDecimal(values[i]))));
        }
        return peers;
    }
}
