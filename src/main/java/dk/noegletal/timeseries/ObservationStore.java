package dk.noegletal.timeseries;

import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores an import's observations as a revision: new keys are inserted, changed values get a new row that
 * supersedes the old one, and values already stored as given are left alone.
 */
@ApplicationScoped
public class ObservationStore {

    private final ObservationRepository repository;

    ObservationStore(ObservationRepository repository) {
        this.repository = repository;
    }

    /** Runs inside the caller's transaction, so that an import lands whole or not at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WriteResult write(long importId, List<ObservationInput> observations) {
        Set<String> areas = new HashSet<>();
        Set<Measure> measures = new HashSet<>();
        for (ObservationInput observation : observations) {
            areas.add(observation.key().areaCode());
            measures.add(observation.key().measure());
        }
        Map<ObservationKey, ObservationRepository.Stored> current = repository.currentByKey(areas, measures);
        List<ObservationInput> toInsert = new ArrayList<>();
        List<Long> toSupersede = new ArrayList<>();
        int unchanged = 0;
        for (ObservationInput observation : observations) {
            ObservationRepository.Stored stored = current.get(observation.key());
            if (stored == null) {
                toInsert.add(observation);
            } else if (sameAs(stored, observation)) {
                unchanged++;
            } else {
                toSupersede.add(stored.id());
                toInsert.add(observation);
            }
        }
        repository.supersede(importId, toSupersede);
        repository.insert(importId, toInsert);
        return new WriteResult(toInsert.size() - toSupersede.size(), toSupersede.size(), unchanged);
    }

    @Transactional
    public boolean isEmpty() {
        return repository.isEmpty();
    }

    private static boolean sameAs(ObservationRepository.Stored stored, ObservationInput observation) {
        if (stored.status() != observation.status()) {
            return false;
        }
        return stored.value() == null
                ? observation.value() == null
                : observation.value() != null && stored.value().compareTo(observation.value()) == 0;
    }
}
