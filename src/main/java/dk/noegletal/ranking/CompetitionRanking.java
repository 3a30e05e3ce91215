package dk.noegletal.ranking;

import dk.noegletal.timeseries.Figure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Standard competition ranking ("1, 2, 2, 4"): equal values share a rank and the next value's rank counts every
 * area before it. Values are compared in full precision, so 2.0 and 2.00 tie but 2.0000001 does not. Unknown values
 * get no rank and come last. Plain Java.
 */
public final class CompetitionRanking {

    private CompetitionRanking() {
    }

    /** Which end rank 1 is at: {@code asc} gives the lowest value rank 1 ("third lowest" is rank 3). */
    public enum Order {
        ASC, DESC;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Order> parse(String text) {
            for (Order order : values()) {
                if (order.code().equalsIgnoreCase(text.trim())) {
                    return Optional.of(order);
                }
            }
            return Optional.empty();
        }
    }

    /** An item with the figure it is ranked by. */
    public record Entry<T>(T item, Figure figure) {
    }

    /** An item with its rank; the rank is null when the figure is unknown. */
    public record Ranked<T>(T item, Figure figure, Integer rank) {
    }

    /**
     * The entries ordered by their figures, known ones first with their ranks, then the unknown ones. Ties and the
     * unknown ones keep the order they were given in (the catalogue order).
     */
    public static <T> List<Ranked<T>> rank(List<Entry<T>> entries, Order order) {
        Comparator<Entry<T>> byValue = Comparator.comparing(entry -> entry.figure().value());
        List<Entry<T>> known = entries.stream().filter(entry -> entry.figure().known())
                .sorted(order == Order.ASC ? byValue : byValue.reversed())
                .toList();
        List<Ranked<T>> ranked = new ArrayList<>(entries.size());
        for (int i = 0; i < known.size(); i++) {
            Entry<T> entry = known.get(i);
            boolean tiesWithPrevious = i > 0
                    && known.get(i - 1).figure().value().compareTo(entry.figure().value()) == 0;
            int rank = tiesWithPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked<>(entry.item(), entry.figure(), rank));
        }
        entries.stream().filter(entry -> !entry.figure().known())
                .forEach(entry -> ranked.add(new Ranked<>(entry.item(), entry.figure(), null)));
        return ranked;
    }
}
