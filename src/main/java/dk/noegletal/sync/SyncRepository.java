package dk.noegletal.sync;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Subscriptions and their runs. */
@ApplicationScoped
class SyncRepository implements PanacheRepositoryBase<Subscription, Long> {

    List<Subscription> all() {
        return listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    List<SyncRun> runs(long syncId, int limit) {
        return getEntityManager().createQuery("from SyncRun r where r.syncId = :sync order by r.id desc",
                SyncRun.class).setParameter("sync", syncId).setMaxResults(limit).getResultList();
    }

    Optional<SyncRun> run(long syncId, long runId) {
        return getEntityManager().createQuery("from SyncRun r where r.syncId = :sync and r.id = :run",
                SyncRun.class).setParameter("sync", syncId).setParameter("run", runId).getResultStream().findFirst();
    }

    Optional<SyncRun> lastRun(long syncId) {
        return runs(syncId, 1).stream().findFirst();
    }

    SyncRun run(long runId) {
        return getEntityManager().find(SyncRun.class, runId);
    }

    void persistRun(SyncRun run) {
        getEntityManager().persist(run);
    }

    /** Runs a stopped service left running: they ended with it. */
    int endRunning(String sentence, java.time.OffsetDateTime now) {
        return getEntityManager().createQuery("update SyncRun r set r.outcome = 'failed', r.sentence = :sentence, "
                + "r.finishedAt = :now where r.outcome = 'running'").setParameter("sentence", sentence)
                .setParameter("now", now).executeUpdate();
    }
}
