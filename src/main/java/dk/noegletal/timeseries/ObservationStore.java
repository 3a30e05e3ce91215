package dk.noegletal.timeseries;

import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The målgruppe store as an import sees it: the series its observations belong to. They are written like every
 * table's, staged and merged by the import (dk.noegletal.ingest.ImportStaging).
 */
@ApplicationScoped
public class ObservationStore {

    private final ObservationRepository repository;

    ObservationStore(ObservationRepository repository) {
        this.repository = repository;
    }

    /** The series of a target group's measure (a population measure: {@code targetGroupCode} null). */
    public long series(String targetGroupCode, Measure measure) {
        return repository.seriesId(targetGroupCode, measure);
    }

    @Transactional
    public boolean isEmpty() {
        return repository.isEmpty();
    }
}
