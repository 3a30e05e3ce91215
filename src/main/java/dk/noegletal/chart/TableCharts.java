package dk.noegletal.chart;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.ranking.CompetitionRanking;
import dk.noegletal.table.TableFigureService;
import dk.noegletal.table.TableRankingDto;
import dk.noegletal.table.TableSeriesDto;
import dk.noegletal.timeseries.Granularity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The charts of any table, drawn from its ranking and its series: the one place the chart endpoints and the
 * committee's document get them from.
 */
@ApplicationScoped
public class TableCharts {

    private final TableFigureService tables;
    private final AreaService areas;

    TableCharts(TableFigureService tables, AreaService areas) {
        this.tables = tables;
        this.areas = areas;
    }

    /** A ranking with its chart. */
    public record Ranking(TableRankingDto ranking, String svg) {
    }

    /** The municipalities ranked, {@code highlight} marked and the country's value as the reference line. */
    @Transactional
    public Ranking ranking(String table, String measure, List<String> members, String period,
            CompetitionRanking.Order order, String highlight) {
        TableRankingDto ranking = tables.ranking(table, measure, members, period, order);
        BigDecimal country = tables.figures(AreaService.COUNTRY, table, ranking.measure().code(), members, null,
                ranking.period()).rows().get(0).value();
        return new Ranking(ranking, Charts.ranking(ranking, highlight, country));
    }

    /**
     * The area's months against its region and the country, each indexed; empty when the area has no value in them.
     * An area whose values cannot be had (a ratio's region) is left out.
     */
    @Transactional
    public Optional<String> series(AreaDto area, String table, String measure, List<String> members, String from,
            String to) {
        List<AreaDto> shown = new ArrayList<>(List.of(area));
        shown.addAll(areas.comparedWith(area));
        List<TableSeriesDto> series = shown.stream().map(one -> tables.series(one.code(), table, measure, members,
                Granularity.MONTH.name(), from, to)).filter(one -> one.points().stream()
                        .anyMatch(point -> point.value() != null)).toList();
        if (series.isEmpty() || !series.get(0).area().code().equals(area.code())) {
            return Optional.empty();
        }
        return Optional.of(Charts.indexed(series.get(0).measure().label() + ": " + area.name()
                + " mod region og hele landet (indeks)", series.stream().map(Charts.Named::of).toList()));
    }
}
