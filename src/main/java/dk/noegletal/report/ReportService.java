package dk.noegletal.report;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.goal.GoalService;
import dk.noegletal.goal.GoalsDto;
import dk.noegletal.ingest.ImportRevisions;
import dk.noegletal.keyfigure.Classification;
import dk.noegletal.keyfigure.FigureMapper;
import dk.noegletal.keyfigure.FigureNotes;
import dk.noegletal.keyfigure.KeyFigureCalculator.GroupFigures;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the reports the committees read from the key figures. */
@ApplicationScoped
public class ReportService {

    private final AreaService areas;
    private final KeyFigureService keyFigures;
    private final ImportRevisions revisions;
    private final GoalService goals;

    ReportService(AreaService areas, KeyFigureService keyFigures, ImportRevisions revisions, GoalService goals) {
        this.areas = areas;
        this.keyFigures = keyFigures;
        this.revisions = revisions;
        this.goals = goals;
    }

    /** The annual appendix for the {@code years} years ending with {@code year}; empty when the area is unknown. */
    @Transactional
    public Optional<AnnualReportDto> annual(String areaCode, int year, int years) {
        Optional<AreaDto> area = areas.find(areaCode);
        if (area.isEmpty()) {
            return Optional.empty();
        }
        List<Period> periods = new ArrayList<>();
        for (int y = year - years + 1; y <= year; y++) {
            periods.add(Period.year(y));
        }
        KeyFigureService.Figures figures = keyFigures.compute(List.of(area.get()), periods);
        List<AnnualReportDto.Row> rows = new ArrayList<>();
        List<GroupFigures> groups = figures.of(areaCode, periods.get(0));
        for (int g = 0; g < groups.size(); g++) {
            List<AnnualReportDto.Year> cells = new ArrayList<>();
            for (Period period : periods) {
                cells.add(yearCell(period, figures.of(areaCode, period).get(g)));
            }
            rows.add(new AnnualReportDto.Row(KeyFigureService.targetGroup(groups.get(g)), cells));
        }
        return Optional.of(new AnnualReportDto(ref(area.get()), year, periods.stream().map(Period::code).toList(),
                figures.revision(), rows));
    }

    private static AnnualReportDto.Year yearCell(Period period, GroupFigures group) {
        FigureNotes notes = new FigureNotes();
        notes.completeness("fullTimePersons", group.completeness());
        return new AnnualReportDto.Year(period.code(),
                notes.value("fullTimePersons", group.fullTimePersons()),
                notes.value("nationalShare", group.nationalShare().value()),
                group.nationalShare().source() == null ? null : group.nationalShare().source().code(),
                notes.value("changePercent", group.change().percent()),
                notes.value("changeAbsolute", group.change().absolute()),
                CompletenessDto.of(group.completeness()),
                notes.list());
    }

    /** The quarterly report; empty when the area is unknown. */
    @Transactional
    public Optional<QuarterlyReportDto> quarterly(String areaCode, Period quarter, BigDecimal tolerancePp) {
        Optional<AreaDto> found = areas.find(areaCode);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AreaDto area = found.get();
        List<AreaDto> compared = areas.comparedWith(area);
        // The report shows its area's quarter and previous quarter, and the quarter alone of the areas it is compared
        // with: only those are computed (the year only for a quarter without figures, see notice).
        List<KeyFigureService.Wanted> wanted = new ArrayList<>();
        wanted.add(new KeyFigureService.Wanted(area, List.of(quarter, quarter.previous())));
        compared.forEach(other -> wanted.add(new KeyFigureService.Wanted(other, List.of(quarter))));
        KeyFigureService.Figures figures = keyFigures.compute(wanted, null, null);

        List<GroupFigures> current = figures.of(area.code(), quarter);
        Map<String, GroupFigures> previousQuarter = byCode(figures.of(area.code(), quarter.previous()));
        List<Map<String, GroupFigures>> others = compared.stream()
                .map(other -> byCode(figures.of(other.code(), quarter))).toList();
        List<QuarterlyReportDto.Row> rows = new ArrayList<>();
        for (GroupFigures group : current) {
            rows.add(quarterRow(group, previousQuarter.get(group.code()), compared, others, tolerancePp));
        }
        long revision = figures.revision();
        return Optional.of(new QuarterlyReportDto(ref(area), quarter.code(), quarter.yearEarlier().code(),
                quarter.previous().code(), compared.stream().map(ReportService::ref).toList(), tolerancePp, revision,
                revision == 0 ? null : revisions.importedAt(revision).orElse(null),
                notice(area, quarter, current), rows,
                goals.list(area.code(), quarter.year(), quarter).map(GoalsDto::goals).orElse(List.of())));
    }

    private static QuarterlyReportDto.Row quarterRow(GroupFigures group, GroupFigures previousQuarter,
            List<AreaDto> compared, List<Map<String, GroupFigures>> others, BigDecimal tolerancePp) {
        FigureNotes notes = new FigureNotes();
        notes.completeness("fullTimePersons", group.completeness());
        Figure value = group.fullTimePersons();
        Figure previous = previousQuarter.fullTimePersons();
        QuarterlyReportDto.Change onYear = new QuarterlyReportDto.Change(
                notes.value("onYear.previous", group.previousYear()),
                notes.value("onYear.absolute", group.change().absolute()),
                notes.value("onYear.percent", group.change().percent()));
        QuarterlyReportDto.Change onQuarter = new QuarterlyReportDto.Change(
                notes.value("onQuarter.previous", previous),
                notes.value("onQuarter.absolute", value.minus(previous)),
                notes.value("onQuarter.percent", value.percentChangeFrom(previous)));
        KeyFiguresDto.NationalShareDto nationalShare = FigureMapper.nationalShare(group.nationalShare(), notes);
        KeyFiguresDto.ShareOfPopulationDto shareOfPopulation = FigureMapper.shareOfPopulation(
                group.shareOfPopulation(), notes);
        List<QuarterlyReportDto.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            GroupFigures other = others.get(i).get(group.code());
            String field = "comparisons[" + compared.get(i).code() + "]";
            Figure difference = group.change().percent().minus(other.change().percent());
            Classification classification = Classification.of(difference, tolerancePp);
            comparisons.add(new QuarterlyReportDto.Comparison(ref(compared.get(i)),
                    notes.value(field + ".fullTimePersons", other.fullTimePersons()),
                    notes.value(field + ".changePercent", other.change().percent()),
                    notes.value(field + ".differencePp", difference),
                    classification == null ? null : classification.label()));
        }
        return new QuarterlyReportDto.Row(KeyFigureService.targetGroup(group), notes.value("fullTimePersons", value),
                CompletenessDto.of(group.completeness()), onYear, onQuarter, nationalShare, shareOfPopulation,
                comparisons, notes.list());
    }

    /**
     * Says why a quarter has no figures when the year has some: quarters are never made up from years. The year's
     * figures are computed only for a quarter without any.
     */
    private String notice(AreaDto area, Period quarter, List<GroupFigures> current) {
        if (hasData(current)) {
            return null;
        }
        Period year = Period.year(quarter.year());
        if (!hasData(keyFigures.compute(List.of(area), List.of(year)).of(area.code(), year))) {
            return null;
        }
        return "Only annual values are stored for " + quarter.year() + "; a quarterly report needs monthly or "
                + "quarterly values, and quarters are not made up from annual averages.";
    }

    private static boolean hasData(List<GroupFigures> groups) {
        return groups.stream().anyMatch(group -> group.completeness().basis() != Completeness.Basis.NONE);
    }

    private static Map<String, GroupFigures> byCode(List<GroupFigures> groups) {
        return groups.stream().collect(Collectors.toMap(GroupFigures::code, Function.identity()));
    }

    private static KeyFiguresDto.AreaRef ref(AreaDto area) {
        return new KeyFiguresDto.AreaRef(area.code(), area.name());
    }
}
