package dk.noegletal.report;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.chart.Charts;
import dk.noegletal.chart.TableCharts;
import dk.noegletal.common.DanishNumbers;
import dk.noegletal.common.ProblemException;
import dk.noegletal.comparison.ComparisonDto;
import dk.noegletal.comparison.ComparisonService;
import dk.noegletal.comparison.ComparisonWith;
import dk.noegletal.goal.GoalDto;
import dk.noegletal.goal.GoalService;
import dk.noegletal.ingest.ImportRevisions;
import dk.noegletal.keyfigure.KeyFigureCalculator;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.ranking.CompetitionRanking;
import dk.noegletal.table.TableDefinition;
import dk.noegletal.table.TableFigureService;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes the committee's documents, the quarterly report and the annual appendix: the quarterly report (for a
 * quarter) and the annual appendix of the year,
 * the charts drawn from them, for each table asked for the ranking of the municipalities and the area's months
 * against its region and the country, and the goals as of the quarter. Numbers are written the Danish way here, so
 * the templates only lay out.
 */
@ApplicationScoped
public class ReportDocumentService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", DanishNumbers.DANISH);

    private final ReportService reports;
    private final KeyFigureService keyFigures;
    private final TableFigureService tables;
    private final AreaService areas;
    private final ComparisonService comparisons;
    private final GoalService goals;
    private final ImportRevisions revisions;
    private final TableCharts tableCharts;

    ReportDocumentService(ReportService reports, KeyFigureService keyFigures, TableFigureService tables,
            AreaService areas, ComparisonService comparisons, GoalService goals, ImportRevisions revisions,
            TableCharts tableCharts) {
        this.reports = reports;
        this.keyFigures = keyFigures;
        this.tables = tables;
        this.areas = areas;
        this.comparisons = comparisons;
        this.goals = goals;
        this.revisions = revisions;
        this.tableCharts = tableCharts;
    }

    /**
     * The quarterly report as a document.
     *
     * @param followed tables to chart, each {@code table} or {@code table:measure} (by default the table's measure
     * of the population 16-66 where it has one, else its first)
     */
    @Transactional
    public Optional<ReportDocument> quarterly(String areaCode, Period quarter, BigDecimal tolerancePp,
            List<String> followed, String cluster) {
        return reports.quarterly(areaCode, quarter, tolerancePp).map(report -> document(areaCode, quarter, report,
                report.goals(), tolerancePp, followed, cluster));
    }

    /** The annual key-figure appendix as a document: the year and the two before, with the year's goals. */
    @Transactional
    public Optional<ReportDocument> annual(String areaCode, int year, BigDecimal tolerancePp, List<String> followed,
            String cluster) {
        return goals.list(areaCode, year, null).map(found -> document(areaCode, Period.year(year), null,
                found.goals(), tolerancePp, followed, cluster));
    }

    /** A quarter's document (with its quarterly report) or a year's (without one). */
    private ReportDocument document(String areaCode, Period period, QuarterlyReportDto report, List<GoalDto> goals,
            BigDecimal tolerancePp, List<String> followed, String cluster) {
        AreaDto area = areas.find(areaCode).orElseThrow();
        AnnualReportDto annual = reports.annual(areaCode, period.year(), 3).orElseThrow();
        KeyFiguresDto year = keyFigures.keyFigures(areaCode, Period.year(period.year()), Optional.empty())
                .orElseThrow();
        List<String> notes = new ArrayList<>();
        List<ReportDocument.Chart> charts = new ArrayList<>();
        boolean anyYear = annual.rows().stream().flatMap(row -> row.years().stream())
                .anyMatch(one -> one.fullTimePersons() != null);
        if (anyYear) {
            charts.add(new ReportDocument.Chart("Årsgennemsnit af fuldtidspersoner pr. målgruppe.",
                    Charts.annualAverages(annual)));
            charts.add(new ReportDocument.Chart("Landsandel pr. målgruppe.", Charts.nationalShares(annual)));
            charts.add(new ReportDocument.Chart("Ændring i fuldtidspersoner og i landsandel fra "
                    + (period.year() - 1) + " til " + period.year() + ".", Charts.changes(year)));
            charts.add(new ReportDocument.Chart("Fuldtidspersoner i alt i " + area.name() + " mod hele landet, "
                    + "indeks.", totalAgainstCountry(area, annual.years())));
        } else {
            notes.add("Der er ingen målgruppetal for " + annual.years().get(0) + "-" + period.year()
                    + ", så målgruppernes figurer er ikke med.");
        }
        Period lastMonth = Period.month(period.year(), period.granularity() == Granularity.QUARTER
                ? period.number() * 3 : 12);
        for (String table : followed) {
            followTable(area, lastMonth, table, charts, notes);
        }
        // "I alt" compared in the quarter, or in the year when only annual values are stored (or for the year).
        Period compared = report != null && report.notice() == null ? period : Period.year(period.year());
        List<String> with = new ArrayList<>(List.of("region", "country"));
        if (cluster != null && !cluster.isBlank()) {
            with.add("cluster:" + cluster.trim());
        }
        ComparisonDto comparison = comparisons.compare(new ComparisonService.Query(areaCode,
                KeyFigureCalculator.TOTAL_CODE, compared, ComparisonWith.parse(with), tolerancePp)).orElseThrow();
        List<ReportDocument.Compared> comparedRows = comparison.rows().stream().map(row -> new ReportDocument.Compared(
                row.areaName(), row.role().equals("area"), number(row.fullTimePersons(), 0),
                number(row.previousYear(), 0), percent(row.changePercent(), 1),
                row.changeDifferencePp() == null ? "–" : number(row.changeDifferencePp(), 1) + " pp",
                row.classification() == null ? "–" : danishClassification(row.classification()))).toList();
        comparison.skipped().forEach(skipped -> notes.add("Sammenligning: " + skipped.message()));
        long dataRevision = report != null ? report.dataRevision() : annual.dataRevision();
        String revision = dataRevision == 0 ? "ingen målgruppetal for perioden"
                : "målgruppetallene er fra import " + dataRevision + revisions.importedAt(dataRevision)
                        .map(moment -> ", " + day(moment)).orElse("");
        String periodLabel = report != null ? period.danishName() : String.valueOf(period.year());
        return new ReportDocument((report != null ? "Kvartalsrapport for " : "Nøgletalsbilag for ") + area.name()
                + ", " + periodLabel, area.name(), periodLabel, report != null,
                "Kilde: Jobindsats (STAR) og kommunens egne tal; " + revision + ".", day(OffsetDateTime.now()),
                report == null ? null : notice(report), annual.years(), appendix(annual),
                report == null ? List.of() : quarterRows(report),
                report == null ? List.of() : report.comparedWith().stream().map(KeyFiguresDto.AreaRef::name).toList(),
                compared.danishName(),
                comparedRows, charts, goals(goals), notes);
    }

    private String totalAgainstCountry(AreaDto area, List<String> years) {
        List<AreaDto> both = new ArrayList<>(List.of(area));
        areas.find(AreaService.COUNTRY).filter(country -> !country.code().equals(area.code())).ifPresent(both::add);
        List<Period> periods = years.stream().map(Period::parse).toList();
        KeyFigureService.Figures figures = keyFigures.compute(both, periods, KeyFigureCalculator.TOTAL_CODE);
        List<Charts.Named> series = new ArrayList<>();
        for (AreaDto one : both) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Period period : periods) {
                values.put(period.code(), figures.of(one.code(), period).get(0).fullTimePersons().value());
            }
            series.add(new Charts.Named(one.name(), values));
        }
        return Charts.indexed("Fuldtidspersoner i alt, indeks", series);
    }

    /** The ranking and the months of a table, as of the quarter's last month. */
    private void followTable(AreaDto area, Period month, String followed, List<ReportDocument.Chart> charts,
            List<String> notes) {
        String[] parts = followed.split(":", 2);
        TableDefinition table = tables.find(parts[0]).orElseThrow(() -> ProblemException.invalidParameter(
                "There is no table '" + parts[0] + "' to follow in the report; see /api/v1/tables."));
        String measure = parts.length > 1 ? parts[1] : table.measures().stream()
                .filter(candidate -> candidate.label().toLowerCase(DanishNumbers.DANISH).contains("befolkningen"))
                .map(TableDefinition.MeasureDefinition::code).findFirst()
                .orElse(table.measures().get(0).code());
        TableCharts.Ranking ranking = tableCharts.ranking(table.id(), measure, List.of(), month.code(),
                CompetitionRanking.Order.ASC, area.code());
        if (ranking.ranking().ranked() == 0) {
            notes.add("Tabel " + table.id() + " har ingen tal for " + month.code() + ", så den er ikke med.");
            return;
        }
        String label = ranking.ranking().measure().label() + " (" + table.name() + ")";
        charts.add(new ReportDocument.Chart(label + ", kommunerne " + month.code() + ", " + area.name()
                + " fremhævet.", ranking.svg()));
        tableCharts.series(area, table.id(), measure, List.of(), Period.month(month.year() - 1, month.number()).code(),
                month.code()).ifPresent(svg -> charts.add(new ReportDocument.Chart(label + ", " + area.name()
                        + " mod region og hele landet, månedlig, indeks.", svg)));
    }

    private static List<ReportDocument.AppendixRow> appendix(AnnualReportDto annual) {
        return annual.rows().stream().map(row -> new ReportDocument.AppendixRow(row.targetGroup().name(),
                row.targetGroup().level() > 0, row.targetGroup().code().equals(KeyFigureCalculator.TOTAL_CODE),
                row.years().stream().map(year -> new ReportDocument.Cell(number(year.fullTimePersons(), 0),
                        percent(year.nationalShare(), 2), percent(year.changePercent(), 1)
                                + partial(year.fullTimePersons(), year.completeness()))).toList())).toList();
    }

    private static List<ReportDocument.QuarterRow> quarterRows(QuarterlyReportDto report) {
        if (report.notice() != null) {
            return List.of();
        }
        return report.rows().stream().map(row -> new ReportDocument.QuarterRow(row.targetGroup().name(),
                row.targetGroup().level() > 0, row.targetGroup().code().equals(KeyFigureCalculator.TOTAL_CODE),
                number(row.fullTimePersons(), 0) + partial(row.fullTimePersons(), row.completeness()),
                percent(row.onYear().percent(), 1), percent(row.onQuarter().percent(), 1),
                percent(row.nationalShare().value(), 2), percent(row.shareOfPopulation().value(), 2),
                row.comparisons().stream().map(comparison -> comparison.classification() == null ? "–"
                        : danishClassification(comparison.classification())).toList())).toList();
    }

    /** The mark of a value that covers only some months of its period. */
    private static String partial(BigDecimal value, CompletenessDto completeness) {
        return value != null && completeness.partial() ? "*" : "";
    }

    private static String danishClassification(String classification) {
        return switch (classification) {
            case "higher" -> "højere";
            case "lower" -> "lavere";
            default -> "på niveau";
        };
    }

    private static List<ReportDocument.Goal> goals(List<GoalDto> goals) {
        return goals.stream().map(goal -> new ReportDocument.Goal(goal.title(), switch (goal.evaluation().status()) {
            case "met" -> "Nået";
            case "not-met" -> "Ikke nået";
            default -> "Kan ikke gøres op endnu";
        }, goal.evaluation().status(), goal.evaluation().sentence())).toList();
    }

    private static String notice(QuarterlyReportDto report) {
        return report.notice() == null ? null : "For " + report.quarter().substring(0, 4) + " er kun årstal "
                + "gemt; kvartalets tal kan ikke laves af årsgennemsnit, så kvartalstabellen er tom.";
    }

    private static String day(OffsetDateTime moment) {
        return moment.atZoneSameInstant(ZoneId.of("Europe/Copenhagen")).toLocalDate().format(DAY);
    }

    /** A number the Danish way with {@code decimals} decimals; "–" when unknown. */
    static String number(BigDecimal value, int decimals) {
        return value == null ? "–" : DanishNumbers.format(value, decimals, decimals);
    }

    static String percent(BigDecimal value, int decimals) {
        return value == null ? "–" : number(value, decimals) + " %";
    }
}
