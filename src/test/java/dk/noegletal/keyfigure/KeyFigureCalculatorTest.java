package dk.noegletal.keyfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.keyfigure.KeyFigureCalculator.GroupFigures;
import dk.noegletal.keyfigure.KeyFigureCalculator.NationalSource;
import dk.noegletal.keyfigure.KeyFigureCalculator.Share;
import dk.noegletal.keyfigure.KeyFigureCalculator.ValueSource;
import dk.noegletal.targetgroup.TargetGroupDto;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.Point;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFigureCalculatorTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");

    private static final TargetGroupDto A1 = new TargetGroupDto("a1", "A one", "a", 1, 2, List.of());
    private static final TargetGroupDto A2 = new TargetGroupDto("a2", "A two", "a", 1, 3, List.of());
    private static final TargetGroupDto A = new TargetGroupDto("a", "A", null, 0, 1, List.of(A1, A2));
    private static final TargetGroupDto B = new TargetGroupDto("b", "B", null, 0, 4, List.of());
    private static final List<TargetGroupDto> TREE = List.of(A, B);

    /** 100, 110, ..., 210 for January to December: average 155; January-November average 150. */
    private static final String[] RISING_2018 = {"100", "110", "120", "130", "140", "150", "160", "170", "180",
            "190", "200", "210"};
    /** 90, 100, ..., 200 for January to December: average 145; January-November average 140. */
    private static final String[] RISING_2017 = {"90", "100", "110", "120", "130", "140", "150", "160", "170",
            "180", "190", "200"};

    /** The stored series of one computation, built by hand; a value of {@code "."} is a suppressed cell. */
    private static final class Fixture {
        private final Map<String, Map<Period, Point>> area = new HashMap<>();
        private final Map<String, Map<Period, Point>> country = new HashMap<>();
        private final Map<String, Map<Period, Point>> municipalTotals = new HashMap<>();
        private final Map<Period, Point> population = new HashMap<>();
        private final Period period;
        private List<TargetGroupDto> tree = TREE;

        Fixture(Period period) {
            this.period = period;
        }

        private static Point point(Period period, String value) {
            return new Point(period, ".".equals(value) ? null : new BigDecimal(value), 1, null);
        }

        private static void put(Map<String, Map<Period, Point>> series, String group, Period period, String value) {
            series.computeIfAbsent(group, code -> new HashMap<>()).put(period, point(period, value));
        }

        private static void putMonths(Map<String, Map<Period, Point>> series, String group, int year,
                String... values) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    put(series, group, Period.month(year, i + 1), values[i]);
                }
            }
        }

        Fixture tree(List<TargetGroupDto> groups) {
            this.tree = groups;
            return this;
        }

        Fixture area(String group, Period period, String value) {
            put(area, group, period, value);
            return this;
        }

        /** Annual values of the area for 2017 and 2018; null leaves a year out. */
        Fixture area(String group, String in2017, String in2018) {
            return annual(area, group, in2017, in2018);
        }

        Fixture areaMonths(String group, int year, String... values) {
            putMonths(area, group, year, values);
            return this;
        }

        Fixture country(String group, String in2017, String in2018) {
            return annual(country, group, in2017, in2018);
        }

        Fixture country(String group, Period period, String value) {
            put(country, group, period, value);
            return this;
        }

        Fixture countryMonths(String group, int year, String... values) {
            putMonths(country, group, year, values);
            return this;
        }

        Fixture municipalTotals(String group, String in2017, String in2018) {
            return annual(municipalTotals, group, in2017, in2018);
        }

        Fixture population(Period period, String value) {
            population.put(period, point(period, value));
            return this;
        }

        private Fixture annual(Map<String, Map<Period, Point>> series, String group, String in2017, String in2018) {
            if (in2017 != null) {
                put(series, group, Period.year(2017), in2017);
            }
            if (in2018 != null) {
                put(series, group, Period.year(2018), in2018);
            }
            return this;
        }

        List<GroupFigures> compute() {
            return KeyFigureCalculator.compute(new KeyFigureCalculator.Input(period, tree, area, country,
                    municipalTotals, population));
        }

        GroupFigures row(String code) {
            return compute().stream().filter(row -> row.code().equals(code)).findFirst().orElseThrow();
        }
    }

    private static Fixture in2018() {
        return new Fixture(Period.year(2018));
    }

    private static String[] months(int count, String value) {
        String[] values = new String[count];
        Arrays.fill(values, value);
        return values;
    }

    private static String[] withDecember(String januaryToNovember, String december) {
        String[] values = months(12, januaryToNovember);
        values[11] = december;
        return values;
    }

    private static void assertValue(String expected, Figure actual) {
        assertTrue(actual.known(), () -> "expected " + expected + " but was unknown: " + actual.reason());
        assertEquals(0, new BigDecimal(expected).compareTo(actual.value()),
                () -> "expected " + expected + " but was " + actual.value());
    }

    private static void assertClose(String expected, Figure actual) {
        assertTrue(actual.known(), () -> "expected " + expected + " but was unknown: " + actual.reason());
        assertTrue(new BigDecimal(expected).subtract(actual.value()).abs().compareTo(TOLERANCE) < 0,
                () -> "expected about " + expected + " but was " + actual.value());
    }

    private static void assertUnknown(Reason expected, Figure actual) {
        assertFalse(actual.known(), () -> "expected " + expected + " but was " + actual.value());
        assertNull(actual.value());
        assertEquals(expected, actual.reason());
    }

    // ---- One group at a time (rankings, comparisons) ----

    @ParameterizedTest
    @CsvSource({"a", "a1", "a2", "b", "i-alt"})
    void oneGroupsFiguresAreItsRowAmongAllGroups(String code) {
        // a has no figure of its own (the sum of a1 and a2), b is suppressed in 2017; the country lacks a2.
        Fixture fixture = in2018().area("a1", "50", "60").area("a2", "30", "40").area("b", ".", "15")
                .country("a1", "5000", "5500").country("b", "900", "1000").municipalTotals("a2", "3000", "3100")
                .population(Period.year(2017), "40000").population(Period.year(2018), "41000");

        GroupFigures one = KeyFigureCalculator.compute(new KeyFigureCalculator.Input(fixture.period, fixture.tree,
                fixture.area, fixture.country, fixture.municipalTotals, fixture.population), code).orElseThrow();

        assertEquals(fixture.row(code), one);
    }

    @Test
    void oneGroupIsNothingForACodeOutsideTheTree() {
        Fixture fixture = in2018().area("a1", "50", "60");

        assertTrue(KeyFigureCalculator.compute(new KeyFigureCalculator.Input(fixture.period, fixture.tree,
                fixture.area, fixture.country, fixture.municipalTotals, fixture.population), "c").isEmpty());
    }

    // ---- Parents, children and "I alt" ----

    @Test
    void parentUsesItsOwnFigureOverItsChildren() {
        GroupFigures a = in2018().area("a", "120", "150").area("a1", "50", "60").area("a2", "30", "40").row("a");

        assertValue("150", a.fullTimePersons()); // not 60 + 40 = 100, and never 150 + 100 = 250
        assertValue("120", a.previousYear());
        assertEquals(ValueSource.OWN, a.valueSource());
    }

    @Test
    void parentWithoutOwnFigureIsTheSumOfItsChildren() {
        GroupFigures a = in2018().area("a1", "50", "60").area("a2", "30", "40").row("a");

        assertValue("100", a.fullTimePersons()); // 60 + 40
        assertValue("80", a.previousYear()); // 50 + 30
        assertValue("20", a.change().absolute());
        assertValue("25", a.change().percent()); // 20 / 80 × 100
        assertEquals(ValueSource.SUM_OF_CHILDREN, a.valueSource());
    }

    @Test
    void childrenKeepTheirOwnFiguresBesideTheParent() {
        List<GroupFigures> rows = in2018().area("a", "120", "150").area("a1", "50", "60").area("a2", "30", "40")
                .compute();

        assertValue("60", rows.get(1).fullTimePersons());
        assertEquals(ValueSource.OWN, rows.get(1).valueSource());
        assertValue("40", rows.get(2).fullTimePersons());
        assertEquals(ValueSource.OWN, rows.get(2).valueSource());
    }

    @ParameterizedTest(name = "[{index}] own {0}, a1 {1}, a2 {2} -> {3} {4} ({5})")
    @CsvSource({
        // own, a1, a2: "-" not stored, "." suppressed
        "150, 60, 40, 150, , OWN",
        "150, ., -, 150, , OWN",
        "., 60, 40, , SUPPRESSED, OWN",
        "-, 60, 40, 100, , SUM_OF_CHILDREN",
        "-, 60, ., , SUPPRESSED, SUM_OF_CHILDREN",
        "-, ., 40, , SUPPRESSED, SUM_OF_CHILDREN",
        "-, 60, -, , INCOMPLETE_PARTS, SUM_OF_CHILDREN",
        "-, -, 40, , INCOMPLETE_PARTS, SUM_OF_CHILDREN",
        "-, ., -, , SUPPRESSED, SUM_OF_CHILDREN",
        "-, -, -, , NO_DATA, SUM_OF_CHILDREN",
    })
    void parentValueFromOwnFigureOrChildren(String own, String a1, String a2, String expectedValue,
            Reason expectedReason, ValueSource expectedSource) {
        Fixture fixture = in2018();
        for (String[] stored : new String[][] {{"a", own}, {"a1", a1}, {"a2", a2}}) {
            if (!"-".equals(stored[1])) {
                fixture.area(stored[0], Period.year(2018), stored[1]);
            }
        }

        GroupFigures a = fixture.row("a");

        if (expectedValue != null) {
            assertValue(expectedValue, a.fullTimePersons());
        } else {
            assertUnknown(expectedReason, a.fullTimePersons());
        }
        assertEquals(expectedSource, a.valueSource());
    }

    @Test
    void suppressedChildMakesTheParentSumSuppressedNotTheOtherChild() {
        GroupFigures a = in2018().area("a1", "50", "60").area("a2", "30", ".").row("a");

        assertUnknown(Reason.SUPPRESSED, a.fullTimePersons());
        assertUnknown(Reason.SUPPRESSED, a.change().absolute());
        assertUnknown(Reason.SUPPRESSED, a.change().percent());
    }

    @Test
    void childWithoutDataWhileItsSiblingHasDataMakesTheParentIncomplete() {
        GroupFigures a = in2018().area("a1", "50", "60").area("a2", "30", (String) null).row("a");

        assertUnknown(Reason.INCOMPLETE_PARTS, a.fullTimePersons()); // never 60 + 0
        assertValue("80", a.previousYear());
    }

    @Test
    void totalIsTheSumOfTheTopLevelGroupsOnly() {
        List<GroupFigures> rows = in2018().area("a", "120", "150").area("a1", "50", "60").area("a2", "30", "40")
                .area("b", "802", "816").compute();

        GroupFigures total = rows.get(rows.size() - 1);
        assertEquals(KeyFigureCalculator.TOTAL_CODE, total.code());
        assertEquals(KeyFigureCalculator.TOTAL_NAME, total.name());
        assertNull(total.parentCode());
        assertEquals(0, total.level());
        assertValue("966", total.fullTimePersons()); // a 150 + b 816; a1 and a2 are inside a
        assertValue("922", total.previousYear()); // 120 + 802
        assertValue("44", total.change().absolute());
        assertClose("4.7722342733188720174", total.change().percent()); // 44 / 922 × 100
        assertEquals(ValueSource.SUM_OF_TOP_LEVEL_GROUPS, total.valueSource());
    }

    @Test
    void totalUsesTheSumOfChildrenForAParentWithoutItsOwnFigure() {
        GroupFigures total = in2018().area("a1", "50", "60").area("a2", "30", "40").area("b", "802", "816")
                .row(KeyFigureCalculator.TOTAL_CODE);

        assertValue("916", total.fullTimePersons()); // (60 + 40) + 816
        assertValue("882", total.previousYear()); // (50 + 30) + 802
        assertClose("3.8548752834467120181", total.change().percent()); // 34 / 882 × 100
    }

    @Test
    void totalIsUnknownWhenATopLevelGroupHasNoData() {
        GroupFigures total = in2018().area("a1", "50", "60").area("a2", "30", "40").row(KeyFigureCalculator.TOTAL_CODE);

        assertUnknown(Reason.INCOMPLETE_PARTS, total.fullTimePersons()); // b has nothing: not 100 + 0
    }

    @Test
    void rowsComeInCatalogueOrderThenTheTotal() {
        List<GroupFigures> rows = in2018().area("a1", "50", "60").area("a2", "30", "40").area("b", "802", "816")
                .compute();

        assertEquals(List.of("a", "a1", "a2", "b", KeyFigureCalculator.TOTAL_CODE),
                rows.stream().map(GroupFigures::code).toList());
        assertEquals(List.of(0, 1, 1, 0, 0), rows.stream().map(GroupFigures::level).toList());
        assertEquals(Arrays.asList(null, "a", "a", null, null),
                rows.stream().map(GroupFigures::parentCode).toList());
        assertEquals(List.of("A", "A one", "A two", "B", "I alt"), rows.stream().map(GroupFigures::name).toList());
    }

    @Test
    void rowsAreListedEvenWithoutAnyData() {
        List<GroupFigures> rows = in2018().compute();

        assertEquals(5, rows.size());
        for (GroupFigures row : rows) {
            assertUnknown(Reason.NO_DATA, row.fullTimePersons());
            assertUnknown(Reason.NO_PREVIOUS_VALUE, row.previousYear());
            assertEquals(Completeness.Basis.NONE, row.completeness().basis());
        }
    }

    // ---- Change on the year before ----

    @Test
    void changeIsAgainstTheSamePeriodAYearEarlier() {
        GroupFigures b = in2018().area("b", "802", "816").area("b", Period.year(2016), "700").row("b");

        assertValue("816", b.fullTimePersons());
        assertValue("802", b.previousYear()); // 2017, not 2016
        assertValue("14", b.change().absolute());
        assertClose("1.7456359102244389027", b.change().percent()); // 14 / 802 × 100
    }

    @Test
    void missingPreviousYearLeavesTheChangeUnknown() {
        GroupFigures b = in2018().area("b", (String) null, "816").country("b", "10000", "10000")
                .population(Period.year(2017), "40000").population(Period.year(2018), "40000").row("b");

        assertValue("816", b.fullTimePersons());
        assertUnknown(Reason.NO_PREVIOUS_VALUE, b.previousYear());
        assertUnknown(Reason.NO_PREVIOUS_VALUE, b.change().absolute());
        assertUnknown(Reason.NO_PREVIOUS_VALUE, b.change().percent());
        assertValue("8.16", b.nationalShare().value());
        assertUnknown(Reason.NO_PREVIOUS_VALUE, b.nationalShare().previousYear());
        assertUnknown(Reason.NO_PREVIOUS_VALUE, b.nationalShare().changePp());
        assertValue("2.04", b.shareOfPopulation().value());
        assertUnknown(Reason.NO_PREVIOUS_VALUE, b.shareOfPopulation().changePp());
    }

    @Test
    void previousZeroLeavesThePercentUnknownButTheAbsoluteChangeKnown() {
        GroupFigures b = in2018().area("b", "0", "5").row("b");

        assertValue("0", b.previousYear());
        assertValue("5", b.change().absolute());
        assertUnknown(Reason.ZERO_BASE, b.change().percent());
    }

    @Test
    void fromThreeToZeroIsMinusHundredPercent() {
        GroupFigures b = in2018().area("b", "3", "0").row("b");

        assertValue("-3", b.change().absolute());
        assertValue("-100", b.change().percent());
    }

    @Test
    void fromZeroToZeroIsNoPercentChange() {
        GroupFigures b = in2018().area("b", "0", "0").row("b");

        assertValue("0", b.change().absolute());
        assertUnknown(Reason.ZERO_BASE, b.change().percent()); // the published 0.00 % is meaningless
    }

    // ---- National share ----

    @Test
    void nationalShareIsValueOverCountryWithItsChange() {
        GroupFigures b = in2018().area("b", "49", "48").country("b", "10000", "10000").row("b");

        Share share = b.nationalShare();
        assertValue("0.48", share.value()); // 48 / 10000 × 100
        assertValue("0.49", share.previousYear()); // 49 / 10000 × 100
        assertValue("-0.01", share.changePp());
        assertClose("-2.0408163265306122449", share.changePercent()); // −0.01 / 0.49 × 100
        assertEquals(NationalSource.COUNTRY, share.source());
    }

    @Test
    void nationalShareUsesTheCountryOverTheMunicipalTotals() {
        GroupFigures b = in2018().area("b", "49", "48").country("b", "10000", "10000")
                .municipalTotals("b", "9800", "9600").row("b");

        assertValue("0.48", b.nationalShare().value());
        assertEquals(NationalSource.COUNTRY, b.nationalShare().source());
    }

    @Test
    void nationalShareFallsBackToTheSumOfMunicipalitiesWhenTheCountryHasNoFigure() {
        GroupFigures b = in2018().area("b", "49", "48").country("a1", "5000", "5000")
                .municipalTotals("b", "9800", "9600").row("b");

        Share share = b.nationalShare();
        assertValue("0.5", share.value()); // 48 / 9600 × 100
        assertValue("0.5", share.previousYear()); // 49 / 9800 × 100
        assertValue("0", share.changePp());
        assertValue("0", share.changePercent());
        assertEquals(NationalSource.SUM_OF_MUNICIPALITIES, share.source());
    }

    @Test
    void nationalShareWithoutCountryOrMunicipalTotalsIsUnknown() {
        GroupFigures b = in2018().area("b", "49", "48").row("b");

        Share share = b.nationalShare();
        assertUnknown(Reason.NO_NATIONAL_FIGURE, share.value());
        assertUnknown(Reason.NO_NATIONAL_FIGURE, share.previousYear());
        assertUnknown(Reason.NO_NATIONAL_FIGURE, share.changePp());
        assertUnknown(Reason.NO_NATIONAL_FIGURE, share.changePercent());
        assertNull(share.source());
    }

    @Test
    void nationalShareOfAParentAndOfTheTotalAddTheCountrysGroupsTheSameWay() {
        List<GroupFigures> rows = in2018().area("a1", "50", "60").area("a2", "30", "40").area("b", "802", "816")
                .country("a1", "5000", "6000").country("a2", "3000", "4000").country("b", "92000", "90000")
                .compute();

        GroupFigures a = rows.get(0);
        assertValue("1", a.nationalShare().value()); // 100 / (6000 + 4000) × 100
        assertValue("1", a.nationalShare().previousYear()); // 80 / (5000 + 3000) × 100
        assertEquals(NationalSource.COUNTRY, a.nationalShare().source());
        GroupFigures total = rows.get(4);
        assertValue("0.916", total.nationalShare().value()); // 916 / 100000 × 100
        assertValue("0.882", total.nationalShare().previousYear()); // 882 / 100000 × 100
        assertValue("0.034", total.nationalShare().changePp());
        assertClose("3.8548752834467120181", total.nationalShare().changePercent()); // 0.034 / 0.882 × 100
    }

    @Test
    void nationalShareOfAZeroCountryIsUnknownWithZeroBase() {
        GroupFigures b = in2018().area("b", "0", "0").country("b", "0", "0").row("b");

        assertUnknown(Reason.ZERO_BASE, b.nationalShare().value());
        assertUnknown(Reason.ZERO_BASE, b.nationalShare().changePp());
    }

    // ---- Share of population ----

    @Test
    void shareOfPopulationIsValueOverTheAnnualPopulation() {
        GroupFigures b = in2018().area("b", "802", "816")
                .population(Period.year(2017), "40000").population(Period.year(2018), "40000").row("b");

        Share share = b.shareOfPopulation();
        assertValue("2.04", share.value()); // 816 / 40000 × 100
        assertValue("2.005", share.previousYear()); // 802 / 40000 × 100
        assertValue("0.035", share.changePp());
        // Same population both years: the relative change is the change of the value, 14 / 802 × 100.
        assertClose("1.7456359102244389027", share.changePercent());
        assertNull(share.source());
    }

    @Test
    void shareOfPopulationOfAQuarterUsesTheAnnualPopulation() {
        GroupFigures b = new Fixture(Period.quarter(2018, 4))
                .area("b", Period.month(2017, 10), "790").area("b", Period.month(2017, 11), "800")
                .area("b", Period.month(2017, 12), "810")
                .area("b", Period.month(2018, 10), "800").area("b", Period.month(2018, 11), "810")
                .area("b", Period.month(2018, 12), "820")
                .population(Period.year(2017), "50000").population(Period.year(2018), "40000").row("b");

        assertValue("810", b.fullTimePersons()); // (800 + 810 + 820) / 3
        assertValue("800", b.previousYear()); // (790 + 800 + 810) / 3
        Share share = b.shareOfPopulation();
        assertValue("2.025", share.value()); // 810 / 40000 × 100
        assertValue("1.6", share.previousYear()); // 800 / 50000 × 100
        assertValue("0.425", share.changePp());
        assertValue("26.5625", share.changePercent()); // 0.425 / 1.6 × 100
    }

    @Test
    void shareOfPopulationWithoutPopulationIsUnknownWithNoPopulation() {
        GroupFigures b = in2018().area("b", "802", "816").population(Period.year(2017), "40000").row("b");

        Share share = b.shareOfPopulation();
        assertUnknown(Reason.NO_POPULATION, share.value());
        assertValue("2.005", share.previousYear());
        assertUnknown(Reason.NO_POPULATION, share.changePp());
        assertUnknown(Reason.NO_POPULATION, share.changePercent());
    }

    @Test
    void shareOfPopulationWithNoPopulationAtAllIsUnknownBothYears() {
        GroupFigures b = in2018().area("b", "802", "816").row("b");

        assertUnknown(Reason.NO_POPULATION, b.shareOfPopulation().value());
        assertUnknown(Reason.NO_POPULATION, b.shareOfPopulation().previousYear());
    }

    @Test
    void shareOfPopulationOfZeroPopulationIsUnknownWithZeroBase() {
        GroupFigures b = in2018().area("b", "802", "816")
                .population(Period.year(2017), "40000").population(Period.year(2018), "0").row("b");

        assertUnknown(Reason.ZERO_BASE, b.shareOfPopulation().value());
        assertUnknown(Reason.ZERO_BASE, b.shareOfPopulation().changePp());
    }

    // ---- Monthly data: averages, partial periods ----

    @Test
    void twelveMonthsOfBothYearsGiveTheAnnualAveragesAndTheirChange() {
        GroupFigures b = in2018().areaMonths("b", 2018, RISING_2018).areaMonths("b", 2017, RISING_2017).row("b");

        assertValue("155", b.fullTimePersons()); // 1860 / 12
        assertValue("145", b.previousYear()); // 1740 / 12
        assertValue("10", b.change().absolute());
        assertClose("6.8965517241379310345", b.change().percent()); // 10 / 145 × 100
        assertEquals(new Completeness(12, 12, Completeness.Basis.MONTHS), b.completeness());
        assertFalse(b.completeness().partial());
    }

    @Test
    void partialYearIsComparedWithTheSameMonthsAYearEarlier() {
        String[] january2017ToNovember = Arrays.copyOf(RISING_2017, 12);
        january2017ToNovember[11] = "1400"; // December 2017 far off: 12-month average (1540 + 1400) / 12 = 245
        GroupFigures b = in2018().areaMonths("b", 2018, Arrays.copyOf(RISING_2018, 11))
                .areaMonths("b", 2017, january2017ToNovember).row("b");

        assertValue("150", b.fullTimePersons()); // 1650 / 11
        assertEquals(new Completeness(11, 12, Completeness.Basis.MONTHS), b.completeness());
        assertTrue(b.completeness().partial());
        assertValue("140", b.previousYear()); // January-November 2017: 1540 / 11, not 245
        assertValue("10", b.change().absolute());
        assertClose("7.1428571428571428571", b.change().percent()); // 10 / 140 × 100
    }

    @Test
    void partialYearTakesTheSameMonthsOfTheCountryAndThePopulationOfTheYear() {
        GroupFigures b = in2018().areaMonths("b", 2018, Arrays.copyOf(RISING_2018, 11))
                .areaMonths("b", 2017, RISING_2017)
                // December is 21000 both years: with it the country's average would be (110000 + 21000) / 12.
                .countryMonths("b", 2018, withDecember("10000", "21000"))
                .countryMonths("b", 2017, withDecember("10000", "21000"))
                .population(Period.year(2018), "30000").population(Period.year(2017), "28000").row("b");

        Share national = b.nationalShare();
        assertValue("1.5", national.value()); // 150 / 10000 × 100
        assertValue("1.4", national.previousYear()); // 140 / 10000 × 100
        assertValue("0.1", national.changePp());
        assertClose("7.1428571428571428571", national.changePercent()); // 0.1 / 1.4 × 100
        assertEquals(NationalSource.COUNTRY, national.source());
        Share population = b.shareOfPopulation();
        assertValue("0.5", population.value()); // 150 / 30000 × 100
        assertValue("0.5", population.previousYear()); // 140 / 28000 × 100
        assertValue("0", population.changePp());
    }

    /**
     * Areas computed together share the values they find, each group's in each series, period and months once: an area
     * a month behind still divides by the country's figure of its own months, not by the whole year another area found.
     */
    @Test
    void areasComputedTogetherEachTakeTheNationalFigureOfTheirOwnMonths() {
        Fixture whole = in2018().areaMonths("b", 2018, RISING_2018).areaMonths("b", 2017, RISING_2017)
                .countryMonths("b", 2018, withDecember("10000", "21000"))
                .countryMonths("b", 2017, withDecember("10000", "21000"));
        Fixture partial = in2018().areaMonths("b", 2018, Arrays.copyOf(RISING_2018, 11))
                .areaMonths("b", 2017, RISING_2017);
        KeyFigureCalculator.Resolutions shared = new KeyFigureCalculator.Resolutions();
        Period year = Period.year(2018);
        GroupFigures first = KeyFigureCalculator.compute(new KeyFigureCalculator.Input(year, TREE, whole.area,
                whole.country, whole.municipalTotals, whole.population, shared), "b").orElseThrow();
        GroupFigures second = KeyFigureCalculator.compute(new KeyFigureCalculator.Input(year, TREE, partial.area,
                whole.country, whole.municipalTotals, partial.population, shared), "b").orElseThrow();

        assertClose("1.4198473282442748091", first.nationalShare().value()); // 155 / (131000 / 12) × 100
        assertValue("1.5", second.nationalShare().value()); // 150 / 10000 × 100: January-November only
        assertValue("1.4", second.nationalShare().previousYear()); // 140 / 10000 × 100
        assertEquals(first.nationalShare().value(), KeyFigureCalculator.compute(new KeyFigureCalculator.Input(year,
                TREE, whole.area, whole.country, whole.municipalTotals, whole.population, shared), "b").orElseThrow()
                .nationalShare().value());
    }

    @Test
    void partialParentAndTotalAreComparedWithTheSameMonthsAYearEarlier() {
        List<GroupFigures> rows = in2018()
                .areaMonths("a1", 2018, months(11, "60")).areaMonths("a1", 2017, withDecember("50", "500"))
                .areaMonths("a2", 2018, months(11, "40")).areaMonths("a2", 2017, months(12, "30"))
                .areaMonths("b", 2018, Arrays.copyOf(RISING_2018, 11))
                .areaMonths("b", 2017, RISING_2017).compute();

        GroupFigures a = rows.get(0);
        assertValue("100", a.fullTimePersons()); // 60 + 40
        assertEquals(new Completeness(11, 12, Completeness.Basis.MONTHS), a.completeness());
        assertValue("80", a.previousYear()); // 50 + 30 over January-November, not 1050 / 12 + 30 = 117.5
        assertEquals(ValueSource.SUM_OF_CHILDREN, a.valueSource());
        GroupFigures total = rows.get(4);
        assertValue("250", total.fullTimePersons()); // 100 + 150
        assertValue("220", total.previousYear()); // 80 + 140
        assertClose("13.636363636363636364", total.change().percent()); // 30 / 220 × 100
        assertTrue(total.completeness().partial());
    }

    @Test
    void quarterIsTheAverageOfItsMonthsAndComparedWithTheSameQuarterAYearEarlier() {
        GroupFigures b = new Fixture(Period.quarter(2018, 4))
                .areaMonths("b", 2018, RISING_2018).areaMonths("b", 2017, RISING_2017).row("b");

        assertValue("200", b.fullTimePersons()); // (190 + 200 + 210) / 3
        assertValue("190", b.previousYear()); // (180 + 190 + 200) / 3
        assertValue("10", b.change().absolute());
        assertClose("5.2631578947368421053", b.change().percent()); // 10 / 190 × 100
        assertEquals(new Completeness(3, 3, Completeness.Basis.MONTHS), b.completeness());
    }

    @Test
    void partialQuarterIsComparedWithTheSameMonthsAYearEarlier() {
        GroupFigures b = new Fixture(Period.quarter(2018, 4))
                .areaMonths("b", 2018, Arrays.copyOf(RISING_2018, 11))
                .areaMonths("b", 2017, RISING_2017).row("b");

        assertValue("195", b.fullTimePersons()); // (190 + 200) / 2
        assertEquals(new Completeness(2, 3, Completeness.Basis.MONTHS), b.completeness());
        assertValue("185", b.previousYear()); // (180 + 190) / 2, not the whole Q4 2017 190
    }

    // ---- Suppressed values ----

    @Test
    void suppressedValueMakesEveryFigureBuiltFromItSuppressed() {
        GroupFigures b = in2018().area("b", "802", ".").country("b", "10000", "10000")
                .population(Period.year(2017), "40000").population(Period.year(2018), "40000").row("b");

        assertUnknown(Reason.SUPPRESSED, b.fullTimePersons());
        assertValue("802", b.previousYear());
        assertUnknown(Reason.SUPPRESSED, b.change().absolute());
        assertUnknown(Reason.SUPPRESSED, b.change().percent());
        assertUnknown(Reason.SUPPRESSED, b.nationalShare().value());
        assertValue("8.02", b.nationalShare().previousYear());
        assertUnknown(Reason.SUPPRESSED, b.nationalShare().changePp());
        assertUnknown(Reason.SUPPRESSED, b.nationalShare().changePercent());
        assertEquals(NationalSource.COUNTRY, b.nationalShare().source());
        assertUnknown(Reason.SUPPRESSED, b.shareOfPopulation().value());
        assertUnknown(Reason.SUPPRESSED, b.shareOfPopulation().changePp());
        assertUnknown(Reason.SUPPRESSED, b.shareOfPopulation().changePercent());
    }

    @Test
    void suppressedPreviousYearMakesTheChangesSuppressed() {
        GroupFigures b = in2018().area("b", ".", "816").country("b", "10000", "10000")
                .population(Period.year(2017), "40000").population(Period.year(2018), "40000").row("b");

        assertValue("816", b.fullTimePersons());
        assertUnknown(Reason.SUPPRESSED, b.previousYear());
        assertUnknown(Reason.SUPPRESSED, b.change().absolute());
        assertUnknown(Reason.SUPPRESSED, b.change().percent());
        assertUnknown(Reason.SUPPRESSED, b.nationalShare().previousYear());
        assertUnknown(Reason.SUPPRESSED, b.nationalShare().changePp());
        assertUnknown(Reason.SUPPRESSED, b.shareOfPopulation().changePercent());
    }

    @Test
    void suppressedMonthMakesTheYearAndEverythingFromItSuppressed() {
        String[] suppressedMarch = RISING_2018.clone();
        suppressedMarch[2] = ".";
        List<GroupFigures> rows = in2018().area("a", "100", "100").areaMonths("b", 2018, suppressedMarch)
                .areaMonths("b", 2017, RISING_2017).country("b", "10000", "10000")
                .population(Period.year(2017), "40000").population(Period.year(2018), "40000").compute();

        GroupFigures b = rows.get(3);
        assertUnknown(Reason.SUPPRESSED, b.fullTimePersons());
        assertEquals(new Completeness(12, 12, Completeness.Basis.MONTHS), b.completeness());
        assertUnknown(Reason.SUPPRESSED, b.change().percent());
        assertUnknown(Reason.SUPPRESSED, b.nationalShare().value());
        assertUnknown(Reason.SUPPRESSED, b.shareOfPopulation().value());
        GroupFigures total = rows.get(4);
        assertUnknown(Reason.SUPPRESSED, total.fullTimePersons()); // never 100 + (b as 0)
        assertUnknown(Reason.SUPPRESSED, total.change().absolute());
    }

    @Test
    void suppressedChildMakesTheParentAndTheTotalSuppressedAllTheWay() {
        List<GroupFigures> rows = in2018().area("a1", "50", ".").area("a2", "30", "40").area("b", "802", "816")
                .country("a1", "5000", "6000").country("a2", "3000", "4000").country("b", "92000", "90000")
                .population(Period.year(2017), "40000").population(Period.year(2018), "40000").compute();

        for (GroupFigures row : List.of(rows.get(0), rows.get(4))) {
            assertUnknown(Reason.SUPPRESSED, row.fullTimePersons());
            assertUnknown(Reason.SUPPRESSED, row.change().absolute());
            assertUnknown(Reason.SUPPRESSED, row.change().percent());
            assertUnknown(Reason.SUPPRESSED, row.nationalShare().value());
            assertUnknown(Reason.SUPPRESSED, row.nationalShare().changePp());
            assertUnknown(Reason.SUPPRESSED, row.shareOfPopulation().value());
            assertUnknown(Reason.SUPPRESSED, row.shareOfPopulation().changePp());
        }
        assertValue("40", rows.get(2).fullTimePersons()); // the sibling keeps its own value
    }

    @Test
    void suppressedCountryValueMakesTheNationalShareSuppressed() {
        GroupFigures b = in2018().area("b", "49", "48").country("b", "10000", ".")
                .municipalTotals("b", "9800", "9600").row("b");

        assertUnknown(Reason.SUPPRESSED, b.nationalShare().value());
        assertEquals(NationalSource.COUNTRY, b.nationalShare().source());
        assertValue("48", b.fullTimePersons());
    }

    // ---- Bugs ----

    /**
     * A partial period is compared only with the same months a year earlier. With January-November 2018 stored
     * (average 150), a 2017 that has only a whole-year value, only quarters, or lacks November gives no
     * comparable previous value, rather than a change against other months.
     */
    @ParameterizedTest(name = "[{index}] 2017 stored as {0}")
    @CsvSource({"annual", "quarters", "ten-months"})
    void partialYearIsNotComparedWithOtherMonthsAYearEarlier(String shape) {
        Fixture fixture = in2018().areaMonths("b", 2018, Arrays.copyOf(RISING_2018, 11));
        switch (shape) {
            case "annual" -> fixture.area("b", Period.year(2017), "140"); // January-December 2017
            case "quarters" -> fixture.area("b", Period.quarter(2017, 1), "130")
                    .area("b", Period.quarter(2017, 2), "140").area("b", Period.quarter(2017, 3), "150")
                    .area("b", Period.quarter(2017, 4), "600"); // Q1-Q3 used: (130 + 140 + 150) / 3 = 140
            default -> fixture.areaMonths("b", 2017, months(10, "140")); // January-October 2017
        }

        GroupFigures b = fixture.row("b");

        assertTrue(b.completeness().partial());
        assertFalse(b.previousYear().known(), () -> "compared with a previous year over other months: "
                + b.previousYear().value().toPlainString());
        assertFalse(b.change().absolute().known());
    }

    /**
     * A sum of parts with different months is taken over the months all parts cover. Top-level "a" has
     * January-November 2018 (50 each), "b" all of 2018 (100, December 1300); in 2017 "a" is 50 every month and
     * "b" 100 with December 700. "I alt" must compare like for like: 0 (both years over January-November, 150 vs
     * 150) or 50 (the sum of the rows' changes), never 100 (b's December 2018 against no December 2017).
     */
    @Test
    void totalOfPartsWithDifferentMonthsComparesLikeForLike() {
        GroupFigures total = in2018()
                .areaMonths("a", 2018, months(11, "50")).areaMonths("a", 2017, months(12, "50"))
                .areaMonths("b", 2018, withDecember("100", "1300")).areaMonths("b", 2017, withDecember("100", "700"))
                .row(KeyFigureCalculator.TOTAL_CODE);

        Figure change = total.change().absolute();
        assertTrue(change.known());
        assertTrue(change.value().compareTo(BigDecimal.ZERO) == 0 || change.value().compareTo(new BigDecimal(50)) == 0,
                () -> "change of 'I alt' mixes December 2018 with a January-November 2017: "
                        + change.value().toPlainString() + " (value "
                        + total.fullTimePersons().value().toPlainString() + ", previous "
                        + total.previousYear().value().toPlainString() + ")");
    }

    /**
     * A parent's national figure falls back to the municipal totals when the country lacks one of its
     * sub-groups: the country stores "a1" (6000) but not "a2"; the municipal totals store both (6000 + 4000). The
     * parent "a" (60 + 40 = 100) has national share 100 / 10000 × 100 = 1 from the sum of municipalities.
     */
    @Test
    void parentsNationalShareFallsBackToMunicipalTotalsWhenTheCountryLacksASubGroup() {
        GroupFigures a = in2018().area("a1", "50", "60").area("a2", "30", "40")
                .country("a1", "6000", "6000")
                .municipalTotals("a1", "6000", "6000").municipalTotals("a2", "4000", "4000").row("a");

        assertValue("1", a.nationalShare().value());
        assertEquals(NationalSource.SUM_OF_MUNICIPALITIES, a.nationalShare().source());
    }

    /**
     * An empty catalogue gives only the "I alt" row, unknown with no data.
     */
    @Test
    void emptyCatalogueGivesOnlyAnUnknownTotal() {
        List<GroupFigures> rows = in2018().tree(List.of()).compute();

        assertEquals(1, rows.size());
        assertEquals(KeyFigureCalculator.TOTAL_CODE, rows.get(0).code());
        assertUnknown(Reason.NO_DATA, rows.get(0).fullTimePersons());
    }
}
