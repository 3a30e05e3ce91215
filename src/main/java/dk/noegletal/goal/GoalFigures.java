package dk.noegletal.goal;

import dk.noegletal.area.AreaDto;
import dk.noegletal.goal.GoalEvaluator.Measurement;
import dk.noegletal.keyfigure.KeyFigureCalculator;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.table.TableFigureService;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Period;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figure a goal measures, for areas in a period, computed exactly as the key figures (a target group) or a
 * table's key figures compute it, so that a goal's value is the number a user finds there.
 */
@ApplicationScoped
class GoalFigures {

    static final String FULL_TIME_PERSONS = "full-time-persons";
    static final String VALUE = "value";
    static final String SHARE_OF_POPULATION = "share-of-population";
    static final String NATIONAL_SHARE = "national-share";

    private final KeyFigureService keyFigures;
    private final TableFigureService tables;

    GoalFigures(KeyFigureService keyFigures, TableFigureService tables) {
        this.keyFigures = keyFigures;
        this.tables = tables;
    }

    /**
     * The goal's figure for each area, from the values of periods ending on or before {@code through} when it is
     * given.
     */
    Map<String, Measurement> measure(GoalVersion goal, List<AreaDto> areas, Period period, LocalDate through) {
        Map<String, Measurement> measured = new HashMap<>();
        if (goal.targetGroup != null) {
            KeyFigureService.Figures figures = keyFigures.compute(areas, List.of(period), goal.targetGroup, through);
            for (AreaDto area : areas) {
                KeyFigureCalculator.GroupFigures group = figures.of(area.code(), period).get(0);
                measured.put(area.code(), pick(goal.figure, group.fullTimePersons(), group.previousYear(),
                        group.shareOfPopulation(), group.nationalShare(), group.completeness()));
            }
        } else {
            tables.figuresOf(goal.tableId, goal.measureCode, goal.memberList(), areas, period, through)
                    .forEach((code, figures) -> measured.put(code, pick(goal.figure, figures.value(),
                            figures.previousYear(), figures.shareOfPopulation(), figures.nationalShare(),
                            figures.completeness())));
        }
        return measured;
    }

    private static Measurement pick(String figure, Figure value, Figure previousYear,
            KeyFigureCalculator.Share shareOfPopulation, KeyFigureCalculator.Share nationalShare,
            Completeness completeness) {
        return switch (figure) {
            case SHARE_OF_POPULATION -> new Measurement(shareOfPopulation.value(), shareOfPopulation.previousYear(),
                    completeness);
            case NATIONAL_SHARE -> new Measurement(nationalShare.value(), nationalShare.previousYear(), completeness);
            default -> new Measurement(value, previousYear, completeness);
        };
    }

    /** Whether the figure is a share in percent (of the population, of the country). */
    static boolean isShare(String figure) {
        return SHARE_OF_POPULATION.equals(figure) || NATIONAL_SHARE.equals(figure);
    }
}
