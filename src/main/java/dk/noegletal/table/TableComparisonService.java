package dk.noegletal.table;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.area.ClusterService;
import dk.noegletal.common.ProblemException;
import dk.noegletal.comparison.ComparisonDto;
import dk.noegletal.keyfigure.Classification;
import dk.noegletal.keyfigure.FigureNotes;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.Point;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an area's value of one series of any table and its change on the year with its region's, the country's
 * and a cluster's, classifying the change as the target-group comparison does. Each area's series is built the one
 * way ({@link AreaSeries}): a ratio's region or cluster would be a sum, so it is null with the reason not-additive,
 * while a ratio Jobindsats gave for the country is used. One statement reads every area's values.
 */
@ApplicationScoped
class TableComparisonService {

    static final String REGION = "region";
    static final String COUNTRY = "country";
    static final String CLUSTER_PREFIX = "cluster:";

    private final TableFigureService figures;
    private final AreaService areas;
    private final ClusterService clusters;

    TableComparisonService(TableFigureService figures, AreaService areas, ClusterService clusters) {
        this.figures = figures;
        this.areas = areas;
        this.clusters = clusters;
    }

    /** What to compare; {@code cluster} is a cluster's code or null. */
    record Query(String areaCode, String table, String measure, List<String> members, String period, String cluster,
            BigDecimal tolerancePp) {
    }

    @Transactional
    TableComparisonDto compare(Query query) {
        AreaDto area = figures.area(query.areaCode());
        TableDefinition table = figures.table(query.table());
        TableFigureService.Selection selection = figures.select(table, query.measure(), query.members(), null);
        AreaDto cluster = null;
        if (query.cluster() != null && !query.cluster().isBlank()) {
            String code = query.cluster().trim();
            cluster = clusters.find(code).orElseThrow(() -> ProblemException.notFound("There is no cluster with code "
                    + code + "; see /api/v1/clusters."));
        }
        Period period = figures.period(table, query.period());

        Map<String, Compared> compared = new LinkedHashMap<>();
        List<ComparisonDto.Skipped> skipped = new ArrayList<>();
        if (area.type() == AreaType.MUNICIPALITY && area.parent() != null) {
            add(compared, skipped, area, REGION, figures.area(area.parent().code()));
        } else {
            skipped.add(new ComparisonDto.Skipped(REGION, area.name() + " is " + describe(area)
                    + "; only a municipality has a region to compare with."));
        }
        add(compared, skipped, area, COUNTRY, figures.area(AreaService.COUNTRY));
        if (cluster != null) {
            add(compared, skipped, area, CLUSTER_PREFIX + cluster.code(), cluster);
        }

        List<AreaDto> wanted = new ArrayList<>(List.of(area));
        compared.values().forEach(c -> wanted.add(c.area()));
        List<AreaDto> municipalities = areas.list(Optional.of(AreaType.MUNICIPALITY));
        MeasureKind kind = selection.measure().kind();
        Map<String, Map<Period, Point>> byArea = figures.readOne(selection, AreaSeries.codesToRead(wanted,
                municipalities), Period.year(period.year() - 1).start(), Period.year(period.year()).end());
        AreaSeries series = new AreaSeries(kind, byArea, municipalities);

        TableFigureCalculator.Yearly own = TableFigureCalculator.yearly(kind, series.of(area), period);
        List<TableComparisonDto.Row> rows = new ArrayList<>();
        rows.add(row(kind, null, area, series.of(area), own, null, query.tolerancePp()));
        for (Compared c : compared.values()) {
            TableFigureCalculator.Series theirs = series.of(c.area());
            rows.add(row(kind, c.with(), c.area(), theirs, TableFigureCalculator.yearly(kind, theirs, period),
                    new Subject(area, own), query.tolerancePp()));
        }
        // The newest import among the values read, the year before included, as the key figures say it.
        long newest = byArea.values().stream().flatMap(points -> points.values().stream())
                .mapToLong(Point::importId).max().orElse(0);
        return new TableComparisonDto(new ComparisonDto.AreaRef(area.code(), area.name(), area.type()),
                TableFigureService.tableRef(table), TableFigureService.measureRef(selection.measure()),
                selection.fixedRefs(), period.code(), period.granularity(), period.yearEarlier().code(),
                query.tolerancePp(), newest, rows, skipped);
    }

    private record Compared(String with, AreaDto area) {
    }

    /** The area being compared and its figures. */
    private record Subject(AreaDto area, TableFigureCalculator.Yearly figures) {
    }

    private static void add(Map<String, Compared> compared, List<ComparisonDto.Skipped> skipped, AreaDto area,
            String with, AreaDto other) {
        if (other.code().equals(area.code())) {
            skipped.add(new ComparisonDto.Skipped(with, other.name() + " is the area itself."));
        } else {
            compared.putIfAbsent(other.code(), new Compared(with, other));
        }
    }

    private static String describe(AreaDto area) {
        return switch (area.type()) {
            case COUNTRY -> "the country";
            case REGION -> "a region";
            case CLUSTER -> "a cluster";
            case MUNICIPALITY -> "a municipality without a region";
        };
    }

    /** A row; {@code subject} is the area compared, null on the area's own row. */
    private static TableComparisonDto.Row row(MeasureKind kind, String with, AreaDto area,
            TableFigureCalculator.Series series, TableFigureCalculator.Yearly figures, Subject subject,
            BigDecimal tolerancePp) {
        FigureNotes notes = new FigureNotes();
        TableFigureService.partial(notes, "value", figures.completeness(), kind, true);
        BigDecimal value = notes.value("value", figures.value());
        BigDecimal previousYear = notes.value("previousYear", figures.previousYear());
        BigDecimal changeAbsolute = notes.value("changeAbsolute", figures.change().absolute());
        BigDecimal changePercent = notes.value("changePercent", figures.change().percent());
        BigDecimal difference = null;
        String classification = null;
        if (subject != null) {
            Classification.Compared compared = Classification.Compared.of(subject.figures().change().percent(),
                    figures.change().percent(), tolerancePp, subject.area().name(), area.name());
            difference = compared.differencePp();
            classification = compared.label();
            if (compared.reason() != null) {
                notes.add("changeDifferencePp", compared.reason(), compared.message());
                notes.add("classification", compared.reason(), compared.message());
            }
        }
        return new TableComparisonDto.Row(subject == null ? "area" : "comparison", with, area.code(), area.name(),
                area.type(), value, previousYear, changeAbsolute, changePercent, series.source(),
                CompletenessDto.of(figures.completeness()), difference, classification, notes.list());
    }
}
