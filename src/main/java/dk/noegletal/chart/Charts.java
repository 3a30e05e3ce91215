package dk.noegletal.chart;

import dk.noegletal.keyfigure.KeyFigureCalculator;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.report.AnnualReportDto;
import dk.noegletal.table.MeasureKind;
import dk.noegletal.table.TableRankingDto;
import dk.noegletal.table.TableSeriesDto;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The charts of the committee's report, each drawn from the answer of an endpoint (so a chart shows the numbers the
 * JSON gives) with a Danish title and a text alternative that states its main numbers. Plain Java.
 */
public final class Charts {

    private Charts() {
    }

    /** The annual average of full-time persons of each top-level target group over the appendix's years. */
    public static String annualAverages(AnnualReportDto report) {
        List<AnnualReportDto.Row> groups = topLevel(report.rows());
        List<GroupedBarChart.Category> categories = groups.stream().map(row -> new GroupedBarChart.Category(
                row.targetGroup().name(), row.years().stream().map(AnnualReportDto.Year::fullTimePersons).toList()))
                .toList();
        String description = report.area().name() + ": årsgennemsnit af fuldtidspersoner pr. målgruppe "
                + String.join(", ", report.years()) + ". " + groups.stream().map(row -> row.targetGroup().name() + " "
                        + row.years().stream().map(year -> year.fullTimePersons() == null ? "ukendt"
                                : Svg.danish(year.fullTimePersons(), 0)).collect(Collectors.joining(" / ")))
                        .collect(Collectors.joining("; ")) + ".";
        return GroupedBarChart.svg("Fuldtidspersoner pr. målgruppe, " + report.area().name() + " "
                + report.years().get(0) + "-" + report.years().get(report.years().size() - 1), description,
                report.years(), categories, "", 0);
    }

    /** The national share of each top-level target group over the appendix's years. */
    public static String nationalShares(AnnualReportDto report) {
        List<AnnualReportDto.Row> groups = topLevel(report.rows());
        List<GroupedBarChart.Category> categories = groups.stream().map(row -> new GroupedBarChart.Category(
                row.targetGroup().name(), row.years().stream().map(AnnualReportDto.Year::nationalShare).toList()))
                .toList();
        String description = report.area().name() + ": landsandel i procent pr. målgruppe "
                + String.join(", ", report.years()) + ". " + groups.stream().map(row -> row.targetGroup().name() + " "
                        + row.years().stream().map(year -> year.nationalShare() == null ? "ukendt"
                                : Svg.danish(year.nationalShare(), 2) + " %").collect(Collectors.joining(" / ")))
                        .collect(Collectors.joining("; ")) + ".";
        return GroupedBarChart.svg("Landsandel pr. målgruppe, " + report.area().name(), description, report.years(),
                categories, " %", 2);
    }

    /** The change in full-time persons beside the relative change in national share, per top-level group. */
    public static String changes(KeyFiguresDto figures) {
        List<KeyFiguresDto.Row> groups = figures.groups().stream().filter(row -> row.targetGroup().level() == 0
                && !row.targetGroup().code().equals(KeyFigureCalculator.TOTAL_CODE)).toList();
        List<GroupedBarChart.Category> categories = groups.stream().map(row -> new GroupedBarChart.Category(
                row.targetGroup().name(), Arrays.asList(row.change().percent(),
                        row.nationalShare().changePercent()))).toList();
        String description = figures.area().name() + ", " + figures.period() + " mod " + figures.previousPeriod()
                + ": ændring i fuldtidspersoner og i landsandel, i procent. " + groups.stream()
                        .map(row -> row.targetGroup().name() + " " + percent(row.change().percent()) + " / "
                                + percent(row.nationalShare().changePercent()))
                        .collect(Collectors.joining("; ")) + ".";
        return GroupedBarChart.svg("Ændring fra " + figures.previousPeriod() + " til " + figures.period() + ", "
                + figures.area().name(), description, List.of("Fuldtidspersoner (%)", "Landsandel (relativ, %)"),
                categories, " %", 1);
    }

    /**
     * The municipalities ranked as horizontal bars, the chosen one highlighted, with the country's value as the
     * reference line when it is known.
     */
    public static String ranking(TableRankingDto ranking, String highlight, BigDecimal country) {
        boolean percent = MeasureKind.inPercent(ranking.measure().label());
        int decimals = percent ? 1 : 0;
        List<BarChart.Bar> bars = ranking.rows().stream().map(row -> new BarChart.Bar(row.areaName(), row.value(),
                row.areaCode().equals(highlight))).toList();
        TableRankingDto.Row chosen = ranking.rows().stream().filter(row -> row.areaCode().equals(highlight))
                .findFirst().orElse(null);
        String unit = percent ? " %" : "";
        String description = ranking.ranked() + " kommuner ordnet efter " + ranking.measure().label() + ", "
                + ranking.period() + (ranking.order().equals("asc") ? ", laveste først" : ", højeste først") + ". "
                + (chosen == null || chosen.rank() == null ? ""
                        : chosen.areaName() + " er nr. " + chosen.rank() + " med " + Svg.danish(chosen.value(),
                                decimals + 1) + unit + ". ")
                + (country == null ? "" : "Hele landet: " + Svg.danish(country, decimals + 1) + unit + ".");
        return BarChart.svg(ranking.measure().label() + ", " + ranking.period(), description, bars, country,
                "Hele landet", unit, decimals);
    }

    /** A named series of values by period code, in period order. */
    public record Named(String name, Map<String, BigDecimal> values) {

        public static Named of(TableSeriesDto series) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            series.points().forEach(point -> values.put(point.period(), point.value()));
            return new Named(series.area().name(), values);
        }
    }

    /**
     * Series of several areas, each indexed to 100 at its first value, over the union of their periods; a series
     * without a value is left out.
     */
    public static String indexed(String title, List<Named> series) {
        Set<String> periods = new LinkedHashSet<>();
        series.forEach(one -> periods.addAll(one.values().keySet()));
        List<String> ordered = periods.stream().sorted().toList();
        List<LineChart.Line> lines = new ArrayList<>();
        StringBuilder description = new StringBuilder(title + (ordered.isEmpty() ? "" : ", " + ordered.get(0)
                + " = 100") + ". ");
        for (Named one : series) {
            List<BigDecimal> index = LineChart.indexed(ordered.stream().map(one.values()::get).toList());
            if (index.stream().allMatch(value -> value == null)) {
                continue;
            }
            lines.add(new LineChart.Line(one.name(), index));
            BigDecimal last = index.get(index.size() - 1);
            description.append(one.name()).append(": ").append(last == null ? "ukendt" : Svg.danish(last, 1))
                    .append(" i ").append(ordered.get(ordered.size() - 1)).append(". ");
        }
        return LineChart.svg(title, description.toString().trim(), ordered, lines, 0);
    }

    private static List<AnnualReportDto.Row> topLevel(List<AnnualReportDto.Row> rows) {
        return rows.stream().filter(row -> row.targetGroup().level() == 0
                && !row.targetGroup().code().equals(KeyFigureCalculator.TOTAL_CODE)).toList();
    }

    private static String percent(BigDecimal value) {
        return value == null ? "ukendt" : Svg.danish(value, 1) + " %";
    }
}
