package dk.noegletal.table;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.Point;
import dk.noegletal.timeseries.Reason;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every area's values of one series of a table, built from the values read for the areas: the one way key figures,
 * series and comparisons make an area's series. A municipality has its own values; a region, a cluster or the country
 * has its own where any were stored (Jobindsats gives "Hele landet"), else the sum of its municipalities (a cluster's
 * members), period by period where all of them have a value, which only an additive kind (stock, flow, head count)
 * has: a ratio's sum is none, with the reason not-additive. Plain Java.
 */
final class AreaSeries {

    static final String OWN = "own";
    static final String SUM_OF_MUNICIPALITIES = "sum-of-municipalities";
    static final String SUM_OF_MEMBERS = "sum-of-members";

    private final MeasureKind kind;
    private final Map<String, Map<Period, Point>> byArea;
    private final List<AreaDto> municipalities;

    /**
     * @param byArea the values read, by area code and period
     * @param municipalities every municipality, with its region
     */
    AreaSeries(MeasureKind kind, Map<String, Map<Period, Point>> byArea, List<AreaDto> municipalities) {
        this.kind = kind;
        this.byArea = byArea;
        this.municipalities = municipalities;
    }

    /** The area's series: its own values, or for a region, cluster or the country the sum of its parts. */
    TableFigureCalculator.Series of(AreaDto area) {
        Map<Period, Point> own = byArea.get(area.code());
        if (own != null && !own.isEmpty() || area.type() == AreaType.MUNICIPALITY) {
            return own(area.code());
        }
        return sum(parts(area, municipalities), area.type() == AreaType.CLUSTER ? SUM_OF_MEMBERS
                : SUM_OF_MUNICIPALITIES);
    }

    /** The values stored for the area itself, whatever kind the measure is (none when nothing was read). */
    TableFigureCalculator.Series own(String areaCode) {
        return TableFigureCalculator.Series.of(byArea.getOrDefault(areaCode, Map.of()), OWN);
    }

    /** The sum of all municipalities: the national figure where the country has none of its own. */
    TableFigureCalculator.Series municipalTotal() {
        return sum(municipalities.stream().map(AreaDto::code).toList(), SUM_OF_MUNICIPALITIES);
    }

    /** Every period read, of any area: the span a series without bounds covers. */
    Set<Period> periods() {
        Set<Period> periods = new LinkedHashSet<>();
        byArea.values().forEach(points -> periods.addAll(points.keySet()));
        return periods;
    }

    private TableFigureCalculator.Series sum(Collection<String> parts, String source) {
        if (!kind.additive()) {
            return TableFigureCalculator.Series.none(Reason.NOT_ADDITIVE);
        }
        List<Map<Period, Point>> present = parts.stream().map(byArea::get).filter(points -> points != null).toList();
        return TableFigureCalculator.Series.of(TableFigureCalculator.sum(present, parts.size()), source);
    }

    /** The municipalities whose values make up an area that has none of its own. */
    static List<String> parts(AreaDto area, List<AreaDto> municipalities) {
        return switch (area.type()) {
            case MUNICIPALITY -> List.of(area.code());
            case CLUSTER -> area.members();
            case REGION -> municipalities.stream().filter(municipality -> municipality.parent() != null
                    && municipality.parent().code().equals(area.code())).map(AreaDto::code).toList();
            case COUNTRY -> municipalities.stream().map(AreaDto::code).toList();
        };
    }

    /**
     * The area codes to read so that {@link #of} can build each of the areas: each area and the municipalities it
     * may be the sum of; null (every area) when the country is among them, as it may be the sum of all.
     */
    static List<String> codesToRead(Collection<AreaDto> areas, List<AreaDto> municipalities) {
        Set<String> codes = new LinkedHashSet<>();
        for (AreaDto area : areas) {
            if (area.type() == AreaType.COUNTRY || AreaService.COUNTRY.equals(area.code())) {
                return null;
            }
            codes.add(area.code());
            codes.addAll(parts(area, municipalities));
        }
        return List.copyOf(codes);
    }
}
