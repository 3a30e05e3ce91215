package dk.noegletal.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.ranking.CompetitionRanking.Entry;
import dk.noegletal.ranking.CompetitionRanking.Order;
import dk.noegletal.ranking.CompetitionRanking.Ranked;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompetitionRankingTest {

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        List<Ranked<String>> ranked = CompetitionRanking.rank(entries("a=3", "b=1", "c=2", "d=2.00"), Order.ASC);

        assertEquals(List.of("b", "c", "d", "a"), items(ranked));
        assertEquals(List.of(1, 2, 2, 4), ranks(ranked));
    }

    @Test
    void descendingGivesTheHighestRankOneAndKeepsCatalogueOrderWithinATie() {
        List<Ranked<String>> ranked = CompetitionRanking.rank(entries("a=2", "b=5", "c=2", "d=1"), Order.DESC);

        assertEquals(List.of("b", "a", "c", "d"), items(ranked));
        assertEquals(List.of(1, 2, 2, 4), ranks(ranked));
    }

    @Test
    void unknownValuesComeLastWithoutARankWhateverTheOrder() {
        for (Order order : Order.values()) {
            List<Ranked<String>> ranked = CompetitionRanking.rank(
                    entries("a=-", "b=0.5", "c=-", "d=0.25"), order);

            assertEquals(List.of("a", "c"), items(ranked).subList(2, 4));
            assertEquals(Arrays.asList(1, 2, null, null), ranks(ranked));
        }
    }

    @Test
    void aTieIsDecidedInFullPrecision() {
        List<Ranked<String>> ranked = CompetitionRanking.rank(
                entries("a=1.00000000000000000001", "b=1"), Order.ASC);

        assertEquals(List.of(1, 2), ranks(ranked));
    }

    private static List<String> items(List<Ranked<String>> ranked) {
        return ranked.stream().map(Ranked::item).toList();
    }

    private static List<Integer> ranks(List<Ranked<String>> ranked) {
        return ranked.stream().map(Ranked::rank).toList();
    }

    /** "code=value", or "code=-" for an unknown value. */
    private static List<Entry<String>> entries(String... specs) {
        return Arrays.stream(specs).map(spec -> {
            String[] parts = spec.split("=");
            Figure figure = parts[1].equals("-") ? Figure.missing(Reason.NO_DATA) : Figure.of(new BigDecimal(parts[1]));
            return new Entry<>(parts[0], figure);
        }).toList();
    }
}
