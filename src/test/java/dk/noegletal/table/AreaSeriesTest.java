package dk.noegletal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaType;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.Point;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an area's series is built from the values read: its own, or the sum of its municipalities. */
class AreaSeriesTest {

    private static final Period JAN = Period.month(2026, 1);
    private static final Period FEB = Period.month(2026, 2);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-08-01T00:00:00Z");

    private static final AreaDto COUNTRY = new AreaDto("000", "Hele landet", AreaType.COUNTRY, null, List.of());
    private static final AreaDto NORTH = new AreaDto("1081", "Region Nordjylland", AreaType.REGION,
            new AreaDto.AreaRefDto("000", "Hele landet"), List.of());
    private static final AreaDto SOUTH = new AreaDto("1083", "Region Syddanmark", AreaType.REGION,
            new AreaDto.AreaRefDto("000", "Hele landet"), List.of());
    private static final List<AreaDto> MUNICIPALITIES = List.of(municipality("1", NORTH), municipality("2", NORTH),
            municipality("3", SOUTH));
    private static final AreaDto CLUSTER = new AreaDto("pair", "A pair", AreaType.CLUSTER, null, List.of("1", "3"));

    private static AreaDto municipality(String code, AreaDto region) {
        return new AreaDto(code, "Municipality " + code, AreaType.MUNICIPALITY,
                new AreaDto.AreaRefDto(region.code(), region.name()), List.of());
    }

    private static Point point(Period period, String value, long importId) {
        return new Point(period, value == null ? null : new BigDecimal(value), importId, AT);
    }

    private static Map<String, Map<Period, Point>> stored() {
        Map<String, Map<Period, Point>> byArea = new HashMap<>();
        byArea.put("1", Map.of(JAN, point(JAN, "10", 1), FEB, point(FEB, "11", 1)));
        byArea.put("2", Map.of(JAN, point(JAN, "20", 2), FEB, point(FEB, null, 2)));
        byArea.put("3", Map.of(JAN, point(JAN, "30", 1)));
        return byArea;
    }

    @Test
    void aRegionIsTheSumOfItsMunicipalitiesWhereAllHaveAValue() {
        TableFigureCalculator.Series north = new AreaSeries(MeasureKind.STOCK, stored(), MUNICIPALITIES).of(NORTH);
        assertEquals(AreaSeries.SUM_OF_MUNICIPALITIES, north.source());
        assertEquals(0, new BigDecimal("30").compareTo(north.points().get(JAN).value()));
        assertEquals(2, north.points().get(JAN).importId(), "the newest import among the parts");
        assertNull(north.points().get(FEB).value(), "one part suppressed: the sum is suppressed, never a partial sum");
    }

    @Test
    void aClusterSumsItsMembersAndTheCountryAllMunicipalities() {
        AreaSeries series = new AreaSeries(MeasureKind.FLOW, stored(), MUNICIPALITIES);
        TableFigureCalculator.Series cluster = series.of(CLUSTER);
        assertEquals(AreaSeries.SUM_OF_MEMBERS, cluster.source());
        assertEquals(0, new BigDecimal("40").compareTo(cluster.points().get(JAN).value()));
        assertEquals(Set.of(JAN), cluster.points().keySet(), "member 3 has no February");
        assertEquals(0, new BigDecimal("60").compareTo(series.of(COUNTRY).points().get(JAN).value()));
        assertEquals(0, new BigDecimal("60").compareTo(series.municipalTotal().points().get(JAN).value()));
    }

    @Test
    void anAreasOwnValuesWinOverTheSum() {
        Map<String, Map<Period, Point>> byArea = stored();
        byArea.put("000", Map.of(JAN, point(JAN, "61", 1)));
        TableFigureCalculator.Series country = new AreaSeries(MeasureKind.STOCK, byArea, MUNICIPALITIES).of(COUNTRY);
        assertEquals(AreaSeries.OWN, country.source());
        assertEquals(0, new BigDecimal("61").compareTo(country.points().get(JAN).value()));
    }

    @Test
    void aRatioIsNeverSummedButItsOwnStoredValueCounts() {
        Map<String, Map<Period, Point>> byArea = stored();
        byArea.put("000", Map.of(JAN, point(JAN, "2.1", 1)));
        AreaSeries series = new AreaSeries(MeasureKind.RATIO, byArea, MUNICIPALITIES);
        assertEquals(Reason.NOT_ADDITIVE, series.of(NORTH).missing());
        assertEquals(Reason.NOT_ADDITIVE, series.of(CLUSTER).missing());
        assertEquals(Reason.NOT_ADDITIVE, series.municipalTotal().missing());
        assertEquals(0, new BigDecimal("2.1").compareTo(series.of(COUNTRY).points().get(JAN).value()));
        assertEquals(AreaSeries.OWN, series.of(MUNICIPALITIES.get(0)).source());
    }

    @Test
    void theCodesToReadAreTheAreasAndTheirPartsOrAllWithTheCountry() {
        assertEquals(List.of("1"), AreaSeries.codesToRead(List.of(MUNICIPALITIES.get(0)), MUNICIPALITIES));
        assertEquals(List.of("1081", "1", "2"), AreaSeries.codesToRead(List.of(NORTH), MUNICIPALITIES));
        assertEquals(List.of("1", "1081", "2", "pair", "3"),
                AreaSeries.codesToRead(List.of(MUNICIPALITIES.get(0), NORTH, CLUSTER), MUNICIPALITIES));
        assertNull(AreaSeries.codesToRead(List.of(MUNICIPALITIES.get(0), COUNTRY), MUNICIPALITIES));
    }
}
