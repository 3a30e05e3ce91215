package dk.noegletal.timeseries;

import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** The order of the index observation_area_span. */
    private static final Comparator<ObservationInput> IN_INDEX_ORDER = Comparator
            .comparing((ObservationInput observation) -> observation.key().areaCode())
            .thenComparing(observation -> observation.key().period().start())
            .thenComparing(observation -> observation.key().period().end())
            .thenComparing(observation -> observation.key().measure().code())
            .thenComparing(observation -> observation.key().targetGroupCode(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ObservationRepository repository;

    ObservationStore(ObservationRepository repository) {
        this.repository = repository;
    }

    /** Runs inside the caller's transaction, so that an import lands whole or not at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WriteResult write(long importId, List<ObservationInput> observations) {
        Set<String> areas = new HashSet<>();
        Set<Measure> measures = new HashSet<>();
        LocalDate from = LocalDate.MAX;
        LocalDate to = LocalDate.MIN;
        for (ObservationInput observation : observations) {
            areas.add(observation.key().areaCode());
            measures.add(observation.key().measure());
            from = min(from, observation.key().period().start());
            to = max(to, observation.key().period().end());
        }
        Map<ObservationKey, ObservationRepository.Stored> current =
                repository.currentByKey(areas, measures, from, to);
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
        // In the order of the index, so that the database appends to its pages rather than splitting them.
        toInsert.sort(IN_INDEX_ORDER);
        repository.supersede(importId, toSupersede);
        repository.insert(importId, toInsert);
        return new WriteResult(toInsert.size() - toSupersede.size(), toSupersede.size(), unchanged);
    }

    @Transactional
    public boolean isEmpty() {
        return repository.isEmpty();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
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
