package dk.noegletal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.keyfigure.FigureNotes;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodAverage;
import dk.noegletal.timeseries.Point;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A series of any table as points, and a period's value with its change, by the measure's kind. */
class TableFigureCalculatorTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-08-01T00:00:00Z");

    /** Monthly values 1..n of 2025 (January = 1, February = 2, ...) and of the first months of 2026 (+ 12). */
    private static Map<Period, Point> months(int months2025, int months2026) {
        Map<Period, Point> points = new HashMap<>();
        for (int month = 1; month <= months2025; month++) {
            points.put(Period.month(2025, month), point(Period.month(2025, month), month));
        }
        for (int month = 1; month <= months2026; month++) {
            points.put(Period.month(2026, month), point(Period.month(2026, month), month + 12));
        }
        return points;
    }

    private static Point point(Period period, int value) {
        return new Point(period, BigDecimal.valueOf(value), 1, AT);
    }

    private static TableFigureCalculator.Series series(Map<Period, Point> points) {
        return TableFigureCalculator.Series.of(points, AreaSeries.OWN);
    }

    private static void assertValue(String expected, PeriodAverage.Result result) {
        assertEquals(0, new BigDecimal(expected).compareTo(result.figure().value()),
                "expected " + expected + ", was " + result.figure());
    }

    @Test
    void aStocksYearIsTheAverageOfItsMonthsAndAFlowsTheSum() {
        Map<Period, Point> points = months(12, 7);
        List<PeriodAverage.Result> stock = TableFigureCalculator.points(MeasureKind.STOCK, series(points),
                Granularity.YEAR, points.keySet(), null, null);
        assertEquals(List.of(Period.year(2025), Period.year(2026)), stock.stream().map(PeriodAverage.Result::period)
                .toList());
        assertValue("6.5", stock.get(0));
        assertValue("16", stock.get(1));
        assertTrue(stock.get(1).completeness().partial(), "7 of 12 months");
        assertEquals(7, stock.get(1).completeness().monthsPresent());
        List<PeriodAverage.Result> flow = TableFigureCalculator.points(MeasureKind.FLOW, series(points),
                Granularity.QUARTER, points.keySet(), Period.year(2025).start(), Period.year(2025).end());
        assertEquals(4, flow.size());
        assertValue("6", flow.get(0));
        assertValue("33", flow.get(3));
    }

    @Test
    void aHeadCountsYearFromMonthsIsAPointWithoutValueAndItsReason() {
        Map<Period, Point> points = months(12, 0);
        List<PeriodAverage.Result> year = TableFigureCalculator.points(MeasureKind.HEAD_COUNT, series(points),
                Granularity.YEAR, points.keySet(), null, null);
        assertEquals(1, year.size());
        assertNull(year.get(0).figure().value());
        assertEquals(Reason.NO_PERIOD_RULE, year.get(0).figure().reason());
        List<PeriodAverage.Result> month = TableFigureCalculator.points(MeasureKind.HEAD_COUNT, series(points),
                Granularity.MONTH, points.keySet(), Period.month(2025, 3).start(), Period.month(2025, 4).end());
        assertEquals(2, month.size());
        assertValue("3", month.get(0));
        assertValue("4", month.get(1));
    }

    @Test
    void aHeadCountsImportedYearIsUsedAsItIs() {
        Map<Period, Point> points = months(12, 0);
        points.put(Period.year(2025), point(Period.year(2025), 20));
        List<PeriodAverage.Result> year = TableFigureCalculator.points(MeasureKind.HEAD_COUNT, series(points),
                Granularity.YEAR, points.keySet(), null, null);
        assertValue("20", year.get(0));
    }

    @Test
    void withoutGranularityThePointsAreThePeriodsStoredWithinTheBounds() {
        Map<Period, Point> points = months(12, 2);
        points.put(Period.year(2025), point(Period.year(2025), 99));
        List<PeriodAverage.Result> stored = TableFigureCalculator.points(MeasureKind.HEAD_COUNT, series(points), null,
                points.keySet(), Period.month(2025, 12).start(), LocalDate.of(2026, 12, 31));
        assertEquals(List.of(Period.month(2025, 12), Period.month(2026, 1), Period.month(2026, 2)),
                stored.stream().map(PeriodAverage.Result::period).toList());
        List<PeriodAverage.Result> all = TableFigureCalculator.points(MeasureKind.HEAD_COUNT, series(points), null,
                points.keySet(), null, null);
        assertEquals(Period.year(2025), all.get(0).period(), "a year before its first month, as periods sort");
        assertValue("99", all.get(0));
        assertEquals(Period.month(2025, 1), all.get(1).period());
        assertEquals(15, all.size());
    }

    @Test
    void aRatioThatWouldBeASumIsAPointPerPeriodWithItsReason() {
        Map<Period, Point> parts = months(0, 3);
        List<PeriodAverage.Result> ratio = TableFigureCalculator.points(MeasureKind.RATIO,
                TableFigureCalculator.Series.none(Reason.NOT_ADDITIVE), Granularity.MONTH, parts.keySet(), null, null);
        assertEquals(3, ratio.size());
        ratio.forEach(point -> assertEquals(Reason.NOT_ADDITIVE, point.figure().reason()));
    }

    @Test
    void nothingStoredIsNoPoints() {
        assertEquals(List.of(), TableFigureCalculator.points(MeasureKind.STOCK, series(Map.of()), Granularity.YEAR,
                List.of(), null, null));
        assertEquals(List.of(), TableFigureCalculator.points(MeasureKind.STOCK, series(months(12, 0)),
                Granularity.YEAR, months(12, 0).keySet(), Period.year(2030).start(), Period.year(2030).end()));
    }

    @Test
    void aPartialYearIsComparedWithTheSameMonthsAYearEarlier() {
        TableFigureCalculator.Yearly yearly = TableFigureCalculator.yearly(MeasureKind.STOCK, series(months(12, 2)),
                Period.year(2026));
        // 2026: (13 + 14) / 2 = 13.5; 2025's January and February: (1 + 2) / 2 = 1.5.
        assertEquals(0, new BigDecimal("13.5").compareTo(yearly.value().value()));
        assertEquals(0, new BigDecimal("1.5").compareTo(yearly.previousYear().value()));
        assertEquals(0, new BigDecimal("12").compareTo(yearly.change().absolute().value()));
        assertEquals(0, new BigDecimal("800").compareTo(yearly.change().percent().value()));
        assertTrue(yearly.completeness().partial());
    }

    @Test
    void withoutTheYearBeforeThereIsNoChange() {
        TableFigureCalculator.Yearly yearly = TableFigureCalculator.yearly(MeasureKind.STOCK, series(months(0, 2)),
                Period.month(2026, 2));
        assertEquals(Reason.NO_PREVIOUS_VALUE, yearly.previousYear().reason());
        assertEquals(Reason.NO_PREVIOUS_VALUE, yearly.change().percent().reason());
    }

    @Test
    void aPartialPeriodsNoteSaysHowItsMonthsWereCombined() {
        Completeness sevenOfTwelve = new Completeness(7, 12, Completeness.Basis.MONTHS);
        FigureNotes flow = new FigureNotes();
        TableFigureService.partial(flow, "value", sevenOfTwelve, MeasureKind.FLOW, false);
        assertEquals("7 of 12 months are stored; the value is their sum.", flow.list().get(0).message());
        FigureNotes stock = new FigureNotes();
        TableFigureService.partial(stock, "value", sevenOfTwelve, MeasureKind.STOCK, true);
        assertEquals("partial-period", stock.list().get(0).reason());
        assertEquals("7 of 12 months are stored; the value is their average and is compared with the same months "
                + "a year earlier.", stock.list().get(0).message());
        FigureNotes complete = new FigureNotes();
        TableFigureService.partial(complete, "value", new Completeness(12, 12, Completeness.Basis.MONTHS),
                MeasureKind.STOCK, true);
        assertEquals(List.of(), complete.list());
    }
}
