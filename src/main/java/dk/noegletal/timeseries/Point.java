package dk.noegletal.timeseries;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A stored value of a series with the import that wrote it; {@code value} is null when it was suppressed. */
public record Point(Period period, BigDecimal value, long importId, OffsetDateTime importedAt) {

    public boolean suppressed() {
        return value == null;
    }
}
