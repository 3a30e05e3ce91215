package dk.noegletal.goal;

import dk.noegletal.timeseries.Period;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A goal of the employment plan as it is evaluated: its year, what it measures, the period basis and its shape with
 * the shape's reference (a baseline, a threshold, a rank limit). Plain Java.
 */
public record Goal(int year, Shape shape, Basis basis, Integer basisNumber, BigDecimal baseline,
        BigDecimal threshold, boolean inclusive, Integer rankLimit) {

    /** What the figure must do. */
    public enum Shape {
        /** Fall against the previous year's value, or against a stated baseline. */
        FALL,
        /** Rise against the previous year's value, or against a stated baseline. */
        RISE,
        /** End below a threshold (at most, when inclusive). */
        BELOW,
        /** End above a threshold (at least, when inclusive). */
        ABOVE,
        /** Be among the N municipalities with the lowest figure (of all, or of a cluster). */
        AMONG_LOWEST,
        /** Be among the N municipalities with the highest figure. */
        AMONG_HIGHEST;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean direction() {
            return this == FALL || this == RISE;
        }

        boolean threshold() {
            return this == BELOW || this == ABOVE;
        }

        boolean rank() {
            return this == AMONG_LOWEST || this == AMONG_HIGHEST;
        }

        static Optional<Shape> parse(String text) {
            return Code.parse(values(), text, Shape::code);
        }
    }

    /** Which period of the year the figure is taken for. */
    public enum Basis {
        /** The year's average (a flow's sum); known when the year is complete. */
        ANNUAL,
        /** The months of the year stored so far, against the same months a year earlier. */
        YEAR_TO_DATE,
        /** One quarter of the year (basisNumber 1-4). */
        QUARTER,
        /** One month of the year (basisNumber 1-12). */
        MONTH;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Basis> parse(String text) {
            return Code.parse(values(), text, Basis::code);
        }
    }

    /** The outcome of an evaluation. */
    public enum Status {
        MET, NOT_MET, NOT_YET_KNOWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The period the goal's figure is taken for. */
    public Period period() {
        return switch (basis) {
            case ANNUAL, YEAR_TO_DATE -> Period.year(year);
            case QUARTER -> Period.quarter(year, basisNumber);
            case MONTH -> Period.month(year, basisNumber);
        };
    }

    /** Enum codes as the API writes them (kebab-case), read in any letter case. */
    static final class Code {

        private Code() {
        }

        static <E> Optional<E> parse(E[] values, String text, java.util.function.Function<E, String> code) {
            if (text == null) {
                return Optional.empty();
            }
            for (E value : values) {
                if (code.apply(value).equalsIgnoreCase(text.trim())) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
    }
}
