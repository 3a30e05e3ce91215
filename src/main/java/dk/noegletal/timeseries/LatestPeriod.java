package dk.noegletal.timeseries;

import java.util.Locale;
import java.util.Optional;

/**
 * The words a period parameter may be instead of a period, asking for the newest period stored (like Jobindsats'
 * {@code latest}); what they resolve to is decided by {@link NewestPeriods#resolve}.
 */
public enum LatestPeriod {
    /** The newest month stored; without months the newest quarter, and without those the newest year. */
    LATEST("latest", "latest period"),
    LATEST_MONTH("latest-month", "latest month"),
    /** The newest quarter with a month or a quarterly value stored. */
    LATEST_QUARTER("latest-quarter", "latest quarter"),
    /** The newest year with a month, a quarter or an annual value stored. */
    LATEST_YEAR("latest-year", "latest year");

    /** How a sentence about an accepted period names these words. */
    public static final String ACCEPTED = "latest for the newest period stored (or latest-month, latest-quarter, "
            + "latest-year)";

    private final String word;
    private final String description;

    LatestPeriod(String word, String description) {
        this.word = word;
        this.description = description;
    }

    /** The word as written in a request. */
    public String word() {
        return word;
    }

    /** The word in a sentence: "latest month". */
    public String description() {
        return description;
    }

    /** Reads one of the words in any letter case, with space around it; empty for anything else. */
    public static Optional<LatestPeriod> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (LatestPeriod latest : values()) {
            if (latest.word.equals(wanted)) {
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    /** The word for the newest period of a granularity. */
    public static LatestPeriod of(Granularity granularity) {
        return switch (granularity) {
            case MONTH -> LATEST_MONTH;
            case QUARTER -> LATEST_QUARTER;
            case YEAR -> LATEST_YEAR;
        };
    }

    /**
     * This word where only periods of one granularity are accepted: {@code latest} and the word of that granularity
     * mean its newest period; another word is empty (an annual report takes no latest-month).
     */
    public Optional<LatestPeriod> asOnly(Granularity granularity) {
        LatestPeriod only = of(granularity);
        return this == LATEST || this == only ? Optional.of(only) : Optional.empty();
    }

    @Override
    public String toString() {
        return word;
    }
}
