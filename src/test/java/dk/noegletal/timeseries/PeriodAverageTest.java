package dk.noegletal.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodAverageTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");
    private static final Set<Integer> ALL_MONTHS = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    private static final Set<Integer> JANUARY_TO_NOVEMBER = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

    /** A hand-built series; a value of {@code "."} is a suppressed cell. */
    private static final class Series {
        private final Map<Period, Point> points = new HashMap<>();
        private long importId = 1;

        Series importId(long id) {
            this.importId = id;
            return this;
        }

        Series put(Period period, String value) {
            BigDecimal number = ".".equals(value) ? null : new BigDecimal(value);
            points.put(period, new Point(period, number, importId, null));
            return this;
        }

        /** Months 1, 2, ... of a year from the values in order; a null value leaves that month out. */
        Series months(int year, String... values) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    put(Period.month(year, i + 1), values[i]);
                }
            }
            return this;
        }

        Map<Period, Point> build() {
            return Map.copyOf(points);
        }
    }

    /** 100, 110, ..., 210 for January to December: sum 1860, average 155; January-November average 150. */
    private static final String[] RISING = {"100", "110", "120", "130", "140", "150", "160", "170", "180", "190",
            "200", "210"};

    private static Series series() {
        return new Series();
    }

    private static void assertValue(String expected, Figure actual) {
        assertTrue(actual.known(), () -> "expected " + expected + " but was unknown: " + actual.reason());
        assertEquals(0, new BigDecimal(expected).compareTo(actual.value()),
                () -> "expected " + expected + " but was " + actual.value());
    }

    private static void assertUnknown(Reason expected, Figure actual) {
        assertFalse(actual.known(), () -> "expected " + expected + " but was " + actual.value());
        assertEquals(expected, actual.reason());
    }

    @Test
    void yearOfTwelveMonthsIsTheirAverageNotTheirSum() {
        PeriodAverage.Result result = PeriodAverage.of(series().months(2018, RISING).build(), Period.year(2018));

        assertValue("155", result.figure()); // 1860 / 12, not 1860
        assertEquals(new Completeness(12, 12, Completeness.Basis.MONTHS), result.completeness());
        assertFalse(result.completeness().partial());
        assertEquals(ALL_MONTHS, result.months());
        assertEquals(Period.year(2018), result.period());
        assertTrue(result.hasData());
    }

    @Test
    void yearOfElevenMonthsIsTheAverageOfThoseElevenAndPartial() {
        String[] janToNov = Arrays.copyOf(RISING, 11);
        PeriodAverage.Result result = PeriodAverage.of(series().months(2018, janToNov).build(), Period.year(2018));

        assertValue("150", result.figure()); // (100 + ... + 200) / 11 = 1650 / 11
        assertEquals(new Completeness(11, 12, Completeness.Basis.MONTHS), result.completeness());
        assertTrue(result.completeness().partial());
        assertEquals(JANUARY_TO_NOVEMBER, result.months());
    }

    @Test
    void yearWithAMonthMissingInTheMiddleIsPartialAndSaysWhichMonths() {
        String[] withoutJune = RISING.clone();
        withoutJune[5] = null;
        PeriodAverage.Result result = PeriodAverage.of(series().months(2018, withoutJune).build(), Period.year(2018));

        assertValue("155.45454545454545455", result.figure()); // (1860 − 150) / 11 = 1710 / 11 = 155.4545...
        assertEquals(11, result.completeness().monthsPresent());
        assertEquals(Set.of(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12), result.months());
    }

    @ParameterizedTest(name = "[{index}] 2018Q{0} = {1}")
    @CsvSource({
        "1, 110", // (100 + 110 + 120) / 3
        "2, 140", // (130 + 140 + 150) / 3
        "3, 170", // (160 + 170 + 180) / 3
        "4, 200", // (190 + 200 + 210) / 3
    })
    void quarterIsTheAverageOfItsThreeMonths(int quarter, String expected) {
        PeriodAverage.Result result = PeriodAverage.of(series().months(2018, RISING).build(),
                Period.quarter(2018, quarter));

        assertValue(expected, result.figure());
        assertEquals(new Completeness(3, 3, Completeness.Basis.MONTHS), result.completeness());
        assertFalse(result.completeness().partial());
        assertEquals(PeriodAverage.monthsOf(Period.quarter(2018, quarter)), result.months());
    }

    @Test
    void quarterWithTwoOfThreeMonthsIsPartial() {
        Map<Period, Point> points = series().months(2018, Arrays.copyOf(RISING, 11)).build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.quarter(2018, 4));

        assertValue("195", result.figure()); // (190 + 200) / 2
        assertEquals(new Completeness(2, 3, Completeness.Basis.MONTHS), result.completeness());
        assertTrue(result.completeness().partial());
        assertEquals(Set.of(10, 11), result.months());
    }

    @Test
    void averageKeepsTwentySignificantDigits() {
        Map<Period, Point> points = series().months(2018, "1", "1", "2").build();

        Figure figure = PeriodAverage.of(points, Period.quarter(2018, 1)).figure();

        // 4 / 3 = 1.3333333333333333333 (20 significant digits)
        assertTrue(new BigDecimal("1.3333333333333333333").subtract(figure.value()).abs().compareTo(TOLERANCE) < 0);
        assertEquals(20, figure.value().precision());
    }

    @Test
    void monthIsItsOwnValue() {
        PeriodAverage.Result result = PeriodAverage.of(series().months(2018, RISING).build(), Period.month(2018, 12));

        assertValue("210", result.figure());
        assertEquals(new Completeness(1, 1, Completeness.Basis.AS_IMPORTED), result.completeness());
        assertEquals(Set.of(12), result.months());
    }

    @Test
    void storedAnnualValueIsUsedAsItIsEvenWhenMonthsExist() {
        Map<Period, Point> points = series().months(2018, RISING).importId(9).put(Period.year(2018), "999").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2018));

        assertValue("999", result.figure()); // not the months' average 155
        assertEquals(new Completeness(12, 12, Completeness.Basis.AS_IMPORTED), result.completeness());
        assertFalse(result.completeness().partial());
        assertEquals(ALL_MONTHS, result.months());
        assertEquals(9, result.revision());
    }

    @Test
    void storedQuarterlyValueIsUsedAsItIsEvenWhenMonthsExist() {
        Map<Period, Point> points = series().months(2018, RISING).put(Period.quarter(2018, 4), "205.5").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.quarter(2018, 4));

        assertValue("205.5", result.figure());
        assertEquals(Completeness.Basis.AS_IMPORTED, result.completeness().basis());
    }

    @Test
    void yearFromAllFourQuartersIsTheirAverage() {
        Map<Period, Point> points = series()
                .put(Period.quarter(2018, 1), "100").put(Period.quarter(2018, 2), "200")
                .put(Period.quarter(2018, 3), "300").put(Period.quarter(2018, 4), "500").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2018));

        assertValue("275", result.figure()); // 1100 / 4
        assertEquals(new Completeness(12, 12, Completeness.Basis.QUARTERS), result.completeness());
        assertFalse(result.completeness().partial());
        assertEquals(ALL_MONTHS, result.months());
    }

    @Test
    void yearFromThreeQuartersIsPartialWithNineMonths() {
        Map<Period, Point> points = series()
                .put(Period.quarter(2018, 1), "100").put(Period.quarter(2018, 2), "200")
                .put(Period.quarter(2018, 3), "300").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2018));

        assertValue("200", result.figure()); // 600 / 3
        assertEquals(new Completeness(9, 12, Completeness.Basis.QUARTERS), result.completeness());
        assertTrue(result.completeness().partial());
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9), result.months());
    }

    @Test
    void quarterIsNotInventedFromAnAnnualValue() {
        Map<Period, Point> points = series().put(Period.year(2018), "999").build();

        PeriodAverage.Result quarter = PeriodAverage.of(points, Period.quarter(2018, 4));
        PeriodAverage.Result month = PeriodAverage.of(points, Period.month(2018, 12));

        assertUnknown(Reason.NO_DATA, quarter.figure());
        assertEquals(new Completeness(0, 3, Completeness.Basis.NONE), quarter.completeness());
        assertFalse(quarter.hasData());
        assertUnknown(Reason.NO_DATA, month.figure());
        assertFalse(month.hasData());
    }

    @Test
    void suppressedMonthMakesTheAverageSuppressedNotZero() {
        String[] withSuppressedMarch = RISING.clone();
        withSuppressedMarch[2] = ".";
        Map<Period, Point> points = series().months(2018, withSuppressedMarch).build();

        PeriodAverage.Result year = PeriodAverage.of(points, Period.year(2018));
        PeriodAverage.Result q1 = PeriodAverage.of(points, Period.quarter(2018, 1));
        PeriodAverage.Result q2 = PeriodAverage.of(points, Period.quarter(2018, 2));

        assertUnknown(Reason.SUPPRESSED, year.figure());
        assertNull(year.figure().value());
        // A suppressed month is stored: it counts as present, and the period has data.
        assertTrue(year.hasData());
        assertEquals(new Completeness(12, 12, Completeness.Basis.MONTHS), year.completeness());
        assertUnknown(Reason.SUPPRESSED, q1.figure());
        assertValue("140", q2.figure()); // other quarters are unaffected
    }

    @Test
    void suppressedQuarterMakesTheYearFromQuartersSuppressed() {
        Map<Period, Point> points = series()
                .put(Period.quarter(2018, 1), "100").put(Period.quarter(2018, 2), ".")
                .put(Period.quarter(2018, 3), "300").put(Period.quarter(2018, 4), "500").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2018));

        assertUnknown(Reason.SUPPRESSED, result.figure());
        assertEquals(Completeness.Basis.QUARTERS, result.completeness().basis());
    }

    @Test
    void suppressedAnnualValueIsSuppressed() {
        Map<Period, Point> points = series().put(Period.year(2018), ".").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2018));

        assertUnknown(Reason.SUPPRESSED, result.figure());
        assertTrue(result.hasData());
        assertEquals(Completeness.Basis.AS_IMPORTED, result.completeness().basis());
    }

    @Test
    void nothingStoredIsNoDataWithBasisNone() {
        PeriodAverage.Result result = PeriodAverage.of(Map.of(), Period.year(2018));

        assertUnknown(Reason.NO_DATA, result.figure());
        assertEquals(new Completeness(0, 12, Completeness.Basis.NONE), result.completeness());
        assertFalse(result.hasData());
        assertEquals(Set.of(), result.months());
        assertEquals(0, result.revision());
        assertNull(result.revisedAt());
    }

    @Test
    void otherYearsDoNotCount() {
        Map<Period, Point> points = series().months(2017, RISING).put(Period.year(2019), "5").build();

        assertFalse(PeriodAverage.of(points, Period.year(2018)).hasData());
    }

    @Test
    void onlyTheGivenMonthsAreAveraged() {
        Map<Period, Point> points = series().months(2017, RISING).build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2017), JANUARY_TO_NOVEMBER);

        assertValue("150", result.figure()); // 1650 / 11, not the whole year's 155
        assertEquals(new Completeness(11, 12, Completeness.Basis.MONTHS), result.completeness());
        assertTrue(result.completeness().partial());
        assertEquals(JANUARY_TO_NOVEMBER, result.months());
    }

    @Test
    void onlyTheGivenMonthsAreAveragedEvenWhenAnAnnualValueIsStored() {
        Map<Period, Point> points = series().months(2017, RISING).put(Period.year(2017), "999").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2017), JANUARY_TO_NOVEMBER);

        assertValue("150", result.figure());
        assertEquals(Completeness.Basis.MONTHS, result.completeness().basis());
    }

    @Test
    void filterCoveringThePeriodUsesTheStoredValue() {
        Map<Period, Point> points = series().months(2017, RISING).put(Period.quarter(2017, 4), "999").build();

        PeriodAverage.Result whole = PeriodAverage.of(points, Period.quarter(2017, 4), ALL_MONTHS);
        PeriodAverage.Result narrowed = PeriodAverage.of(points, Period.quarter(2017, 4), Set.of(10, 11));

        assertValue("999", whole.figure());
        assertEquals(Completeness.Basis.AS_IMPORTED, whole.completeness().basis());
        assertValue("195", narrowed.figure()); // (190 + 200) / 2
        assertEquals(new Completeness(2, 3, Completeness.Basis.MONTHS), narrowed.completeness());
    }

    @Test
    void quartersAreUsedForTheGivenMonthsOnlyWhenTheyCoverExactlyThoseMonths() {
        Map<Period, Point> points = series()
                .put(Period.quarter(2017, 1), "100").put(Period.quarter(2017, 2), "200")
                .put(Period.quarter(2017, 3), "300").put(Period.quarter(2017, 4), "500").build();

        // January-November cannot be made of whole quarters: no like-for-like value.
        PeriodAverage.Result partial = PeriodAverage.of(points, Period.year(2017), JANUARY_TO_NOVEMBER);
        assertFalse(partial.hasData());
        assertEquals(Reason.NO_DATA, partial.figure().reason());

        // January-September can: (100 + 200 + 300) / 3.
        PeriodAverage.Result threeQuarters = PeriodAverage.of(points, Period.year(2017),
                Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertValue("200", threeQuarters.figure());
        assertEquals(new Completeness(9, 12, Completeness.Basis.QUARTERS), threeQuarters.completeness());
    }

    @Test
    void annualValueIsNotUsedWhereOnlySomeMonthsAreAskedFor() {
        Map<Period, Point> points = series().put(Period.year(2017), "999").build();

        PeriodAverage.Result result = PeriodAverage.of(points, Period.year(2017), JANUARY_TO_NOVEMBER);

        // A whole-year average is no comparison for January-November.
        assertFalse(result.hasData());
        assertEquals(Reason.NO_DATA, result.figure().reason());
    }

    @Test
    void revisionIsTheNewestImportAmongThePointsUsed() {
        OffsetDateTime first = OffsetDateTime.of(2019, 1, 15, 8, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime newest = OffsetDateTime.of(2019, 3, 15, 8, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime notUsed = OffsetDateTime.of(2019, 4, 15, 8, 0, 0, 0, ZoneOffset.UTC);
        Map<Period, Point> points = Map.of(
                Period.month(2018, 10), new Point(Period.month(2018, 10), new BigDecimal("190"), 3, first),
                Period.month(2018, 11), new Point(Period.month(2018, 11), new BigDecimal("200"), 7, newest),
                Period.month(2018, 12), new Point(Period.month(2018, 12), new BigDecimal("210"), 5, first),
                // Import 11 wrote September, which is not in the quarter.
                Period.month(2018, 9), new Point(Period.month(2018, 9), new BigDecimal("180"), 11, notUsed));

        PeriodAverage.Result result = PeriodAverage.of(points, Period.quarter(2018, 4));

        assertValue("200", result.figure());
        assertEquals(7, result.revision());
        assertEquals(newest, result.revisedAt());
    }

    @Test
    void revisionCountsASuppressedPoint() {
        Map<Period, Point> points = Map.of(
                Period.month(2018, 1), new Point(Period.month(2018, 1), new BigDecimal("1"), 2, null),
                Period.month(2018, 2), new Point(Period.month(2018, 2), null, 4, null));

        assertEquals(4, PeriodAverage.of(points, Period.quarter(2018, 1)).revision());
    }

    @Test
    void monthOrQuarterWithOnlyTheAnnualPopulationTakesTheAnnualValue() {
        Map<Period, Point> population = series().importId(6).put(Period.year(2018), "50000").build();

        PeriodAverage.Result month = PeriodAverage.orEnclosing(population, Period.month(2018, 3));
        PeriodAverage.Result quarter = PeriodAverage.orEnclosing(population, Period.quarter(2018, 4));
        PeriodAverage.Result year = PeriodAverage.orEnclosing(population, Period.year(2018));

        assertValue("50000", month.figure());
        assertValue("50000", quarter.figure());
        assertValue("50000", year.figure());
        assertTrue(month.hasData());
        assertEquals(6, quarter.revision());
    }

    @Test
    void enclosingQuarterComesBeforeTheYear() {
        Map<Period, Point> population = series().put(Period.year(2018), "50000")
                .put(Period.quarter(2018, 1), "49000").build();

        assertValue("49000", PeriodAverage.orEnclosing(population, Period.month(2018, 2)).figure());
        assertValue("50000", PeriodAverage.orEnclosing(population, Period.month(2018, 5)).figure());
    }

    @Test
    void enclosingIsNotUsedWhenThePeriodItselfHasData() {
        Map<Period, Point> population = series().put(Period.year(2018), "50000")
                .put(Period.month(2018, 2), "49500").build();

        assertValue("49500", PeriodAverage.orEnclosing(population, Period.month(2018, 2)).figure());
    }

    @Test
    void enclosingOfNothingIsNoData() {
        Map<Period, Point> population = series().put(Period.year(2017), "50000").build();

        PeriodAverage.Result result = PeriodAverage.orEnclosing(population, Period.quarter(2018, 4));

        assertUnknown(Reason.NO_DATA, result.figure());
        assertFalse(result.hasData());
    }

    @Test
    void monthsOfAPeriod() {
        assertEquals(Set.of(10, 11, 12), PeriodAverage.monthsOf(Period.quarter(2018, 4)));
        assertEquals(Set.of(1, 2, 3), PeriodAverage.monthsOf(Period.quarter(2018, 1)));
        assertEquals(ALL_MONTHS, PeriodAverage.monthsOf(Period.year(2018)));
        assertEquals(Set.of(7), PeriodAverage.monthsOf(Period.month(2018, 7)));
    }
}
