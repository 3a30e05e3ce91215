package dk.noegletal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Gentofte's key-figure appendix 2016-2018 as published (the demo data's source), and the rule by which a
 * recomputed change must agree with a published one.
 */
public final class PublishedAppendix {

    public static final List<Map<String, String>> ROWS =
            Fixtures.csv("demo/gentofte-maalgruppeoversigt-2016-2018.csv");
    /** Top-level groups in the catalogue: "I alt" is their sum. */
    public static final int TOP_LEVEL_GROUPS = 11;

    private PublishedAppendix() {
    }

    public static boolean isNumber(String text) {
        return text != null && text.matches("-?\\d+(\\.\\d+)?");
    }

    /**
     * The published change was computed from unrounded averages, we recompute it from the published (rounded)
     * ones. The bound: each published average is rounded to a whole person, so the unrounded one lies within ±0.5
     * of it (±0.5 for each of the 11 top-level groups for "I alt", which we compute as their sum), and never below
     * 0. The published change must lie between the smallest and the largest change those intervals allow, widened
     * by 0.005 for its own rounding to two decimals; our change, computed from the rounded averages, lies in the
     * same interval.
     */
    public static void assertChangeWithinRoundingBound(String group, String year, BigDecimal current,
            BigDecimal previous, BigDecimal ours, String published) {
        double halfWidth = group.equals("i-alt") ? 0.5 * TOP_LEVEL_GROUPS : 0.5;
        double lowest = change(Math.max(0, current.doubleValue() - halfWidth), previous.doubleValue() + halfWidth);
        double highest = change(current.doubleValue() + halfWidth, previous.doubleValue() - halfWidth);
        double printed = Double.parseDouble(published);
        assertTrue(printed >= lowest - 0.005 && printed <= highest + 0.005, group + " " + year + ": published "
                + printed + " % is outside [" + lowest + ", " + highest + "] allowed by " + previous + " -> " + current);
        assertTrue(ours.doubleValue() >= lowest && ours.doubleValue() <= highest, group + " " + year + ": ours " + ours);
    }

    private static double change(double current, double previous) {
        return (current - previous) / previous * 100;
    }
}
