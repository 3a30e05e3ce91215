package dk.noegletal.ingest;

import dk.noegletal.timeseries.SeriesService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The owner of import revisions: every import is a revision with an id, a time and a source, and reads, reports and
 * ETags ask here which one stood at a moment and when one was made. The current one is read with the count of writes
 * ({@link dk.noegletal.common.DataVersion#state()}), as every read needs both.
 */
@ApplicationScoped
public class ImportRevisions {

    private final ImportRunRepository runs;
    private final SeriesService series;

    ImportRevisions(ImportRunRepository runs, SeriesService series) {
        this.runs = runs;
        this.series = series;
    }

    /** The newest import at or before a moment (0 when there was none yet). */
    public long at(OffsetDateTime moment) {
        return runs.getEntityManager().createQuery("select coalesce(max(r.id), 0) from ImportRun r"
                + " where r.importedAt <= :moment", Long.class).setParameter("moment", moment).getSingleResult();
    }

    /** When the import after the given one was made: the end of the time the given one was the newest. */
    public Optional<OffsetDateTime> nextImportedAt(long id) {
        return runs.getEntityManager().createQuery("select r.importedAt from ImportRun r where r.id = (select min(n.id)"
                + " from ImportRun n where n.id > :id)", OffsetDateTime.class).setParameter("id", id)
                .getResultStream().findFirst();
    }

    public boolean exists(long id) {
        return runs.count("id", id) > 0;
    }

    /** When an import was made (read once: it never changes). */
    public Optional<OffsetDateTime> importedAt(long id) {
        return series.importedAt(id);
    }
}
