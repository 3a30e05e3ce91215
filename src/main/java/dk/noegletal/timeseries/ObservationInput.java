package dk.noegletal.timeseries;

import java.math.BigDecimal;

/** One validated observation to store; {@code value} is null exactly when the status is suppressed. */
public record ObservationInput(ObservationKey key, BigDecimal value, ObservationStatus status) {

    /** Values are stored with six decimals; comparing at that scale tells an unchanged re-import. */
    public static final int SCALE = 6;
}
