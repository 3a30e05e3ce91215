package dk.noegletal.timeseries;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.function.BinaryOperator;

/** A number, or the reason it is unknown: exactly one of the two is present. */
public record Figure(BigDecimal value, Reason reason) {

    /** Divisions keep 20 significant digits; JSON carries them all, presentation rounds. */
    public static final MathContext PRECISION = new MathContext(20);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Figure {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("a figure has either a value or a reason");
        }
        value = value == null ? null : value.stripTrailingZeros();
    }

    public static Figure of(BigDecimal value) {
        return new Figure(Objects.requireNonNull(value), null);
    }

    public static Figure missing(Reason reason) {
        return new Figure(null, Objects.requireNonNull(reason));
    }

    public boolean known() {
        return value != null;
    }

    public boolean isZero() {
        return value != null && value.signum() == 0;
    }

    /** The sum, or the reason of the first unknown term. */
    public Figure plus(Figure other) {
        return combine(other, BigDecimal::add);
    }

    public Figure minus(Figure other) {
        return combine(other, BigDecimal::subtract);
    }

    /**
     * This figure as a percentage of {@code base}: {@code this / base × 100}. Unknown with the given reason when
     * the base is zero.
     */
    public Figure percentOf(Figure base) {
        if (!known()) {
            return this;
        }
        if (!base.known()) {
            return base;
        }
        if (base.isZero()) {
            return missing(Reason.ZERO_BASE);
        }
        return of(value.multiply(HUNDRED).divide(base.value, PRECISION));
    }

    /** The change from {@code earlier} to this in percent of {@code earlier}. */
    public Figure percentChangeFrom(Figure earlier) {
        return minus(earlier).percentOf(earlier);
    }

    private Figure combine(Figure other, BinaryOperator<BigDecimal> operation) {
        if (!known()) {
            return this;
        }
        if (!other.known()) {
            return other;
        }
        return of(operation.apply(value, other.value));
    }
}
