package dk.noegletal.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            2018-12|2018-12|MONTH|2018-12-01|2018-12-31
            2018M12|2018-12|MONTH|2018-12-01|2018-12-31
            2018M1|2018-01|MONTH|2018-01-01|2018-01-31
            2018m1|2018-01|MONTH|2018-01-01|2018-01-31
            2016-02|2016-02|MONTH|2016-02-01|2016-02-29
            2017-02|2017-02|MONTH|2017-02-01|2017-02-28
            2018Q4|2018Q4|QUARTER|2018-10-01|2018-12-31
            2018Q04|2018Q4|QUARTER|2018-10-01|2018-12-31
            2018Q1|2018Q1|QUARTER|2018-01-01|2018-03-31
            2018q4|2018Q4|QUARTER|2018-10-01|2018-12-31
            2018|2018|YEAR|2018-01-01|2018-12-31
            2016|2016|YEAR|2016-01-01|2016-12-31
            '  2018Q4  '|2018Q4|QUARTER|2018-10-01|2018-12-31
            ' 2018M12 '|2018-12|MONTH|2018-12-01|2018-12-31
            '\t2016\t'|2016|YEAR|2016-01-01|2016-12-31
            """)
    void parsesAcceptedFormsToCanonicalPeriod(String text, String code, Granularity granularity, LocalDate start,
            LocalDate end) {
        Period period = Period.parse(text.replace("\\t", "\t"));

        assertEquals(code, period.code());
        assertEquals(granularity, period.granularity());
        assertEquals(start, period.start());
        assertEquals(end, period.end());
        assertEquals(code, period.toString());
    }

    @Test
    void dayNumbersAreThoseOfTheFirstAndLastDay() {
        // Leap years of every kind (1900 is none, 2000 is one), and the years arithmetic steps to (1899, 2200).
        for (int year = 1899; year <= 2200; year++) {
            for (Period period : periodsOf(year)) {
                assertEquals(period.start().toEpochDay(), period.startDay(), period.code());
                assertEquals(period.end().toEpochDay(), period.endDay(), period.code());
            }
        }
    }

    @Test
    void readsJobindsatsAndIsoMonthAsTheSamePeriod() {
        assertEquals(Period.parse("2018-12"), Period.parse("2018M12"));
        assertEquals(Period.parse("2018Q4"), Period.parse("2018Q04"));
        assertEquals(Period.month(2018, 12), Period.parse("2018M12"));
    }

    @Test
    void parsesEveryCanonicalCodeBackToItself() {
        for (int year : new int[] {1900, 1999, 2018, 2199}) {
            for (Period period : periodsOf(year)) {
                assertEquals(period, Period.parse(period.code()));
            }
        }
        assertEquals("2018-01", Period.month(2018, 1).code());
        assertEquals("2018-12", Period.month(2018, 12).code());
    }

    /** The year, its quarters and its months. */
    private static List<Period> periodsOf(int year) {
        List<Period> periods = new ArrayList<>(List.of(Period.year(year)));
        for (int n = 1; n <= 12; n++) {
            periods.add(Period.month(year, n));
            if (n <= 4) {
                periods.add(Period.quarter(year, n));
            }
        }
        return periods;
    }

    @Test
    void rejectsQuarterFive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("2018Q5"));

        assertTrue(e.getMessage().contains("quarter 5"), e.getMessage());
    }

    @Test
    void rejectsMonthThirteen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("2018-13"));

        assertTrue(e.getMessage().contains("month 13"), e.getMessage());
    }

    @Test
    void rejectsMonthZeroInJobindsatsForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("2018M0"));

        assertTrue(e.getMessage().contains("month 0"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023QMAT02", "MYTD", "2023mmat12"})
    void rejectsRollingPeriodsAsNotStored(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));

        assertTrue(e.getMessage().contains("rolling periods"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("not stored"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "   ", "18Q4", "2018-1", "2018 Q4", "2018-1x", "20l8-12", "2018/12", "２０１８",
        "201８-12", "12018"})
    void rejectsTextThatIsNoPeriodAndNamesTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));

        assertTrue(e.getMessage().contains("is not a period"), e.getMessage());
        assertTrue(e.getMessage().contains(Period.ACCEPTED_FORMS), e.getMessage());
    }

    @Test
    void namesTheRejectedTextInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(" abc "));

        assertTrue(e.getMessage().startsWith("'abc' is not a period"), e.getMessage());
    }

    @Test
    void rejectsYearOutsideTheStoredRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("1899"));

        assertTrue(e.getMessage().contains("1899"), e.getMessage());
    }

    @Test
    void ordersYearBeforeItsFirstMonthAndMonthsByStart() {
        assertTrue(Period.parse("2018").compareTo(Period.parse("2018-01")) < 0);
        assertTrue(Period.parse("2018-01").compareTo(Period.parse("2018-02")) < 0);
        assertTrue(Period.parse("2017Q4").compareTo(Period.parse("2018")) < 0);
        assertTrue(Period.parse("2018-01").compareTo(Period.parse("2018")) > 0);
        assertEquals(0, Period.parse("2018Q04").compareTo(Period.parse("2018Q4")));
    }

    @Test
    void sortsMixedGranularities() {
        List<Period> periods = new ArrayList<>(List.of(Period.parse("2018-02"), Period.parse("2018Q1"),
                Period.parse("2018-01"), Period.parse("2018"), Period.parse("2017Q4"), Period.parse("2017-12")));

        Collections.sort(periods);

        assertEquals(List.of("2017Q4", "2017-12", "2018", "2018Q1", "2018-01", "2018-02"),
                periods.stream().map(Period::code).toList());
    }
}
