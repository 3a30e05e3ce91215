package dk.noegletal.timeseries;

/** What storing one import did: new keys, changed values (a new revision) and values already stored as given. */
public record WriteResult(int inserted, int updated, int unchanged) {
}
