package dk.noegletal.ranking;

import dk.noegletal.keyfigure.KeyFigureCalculator.GroupFigures;
import dk.noegletal.timeseries.Figure;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The key figure areas can be ranked by. */
enum RankBy {
    /** Full-time persons as a percentage of the population 16-66: the usual ranking in the reports. */
    SHARE_OF_POPULATION("share-of-population", group -> group.shareOfPopulation().value()),
    FULL_TIME_PERSONS("full-time-persons", GroupFigures::fullTimePersons),
    /** The change in percent on the same period a year earlier. */
    CHANGE_PERCENT("change-percent", group -> group.change().percent()),
    NATIONAL_SHARE("national-share", group -> group.nationalShare().value());

    private final String code;
    private final Function<GroupFigures, Figure> figure;

    RankBy(String code, Function<GroupFigures, Figure> figure) {
        this.code = code;
        this.figure = figure;
    }

    String code() {
        return code;
    }

    Figure of(GroupFigures group) {
        return figure.apply(group);
    }

    static Optional<RankBy> parse(String text) {
        return Arrays.stream(values()).filter(by -> by.code.equalsIgnoreCase(text.trim())).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(RankBy::code).collect(Collectors.joining(", "));
    }
}
