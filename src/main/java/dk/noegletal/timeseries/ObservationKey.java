package dk.noegletal.timeseries;

import dk.noegletal.measure.Measure;

/** What identifies one observation; the target group is null for population measures. */
public record ObservationKey(String areaCode, String targetGroupCode, Measure measure, Period period) {
}
