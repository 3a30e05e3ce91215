package dk.noegletal.sync;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.noegletal.common.ImportFiles;
import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.common.ProblemException;
import dk.noegletal.ingest.ImportBody;
import dk.noegletal.ingest.ImportReportDto;
import dk.noegletal.ingest.ImportService;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Subscriptions to Jobindsats tables, and their pulls. A pull asks Jobindsats for the table's update_latest (its
 * metadata, else its entry in the catalogue); when that has not moved since the last pull that landed it stops there
 * (skipped); else it sends the data requests, joins their answers and imports them through the ordinary path as one
 * import, all or nothing, with its provenance. Every pull is recorded as a run, whatever its outcome; Jobindsats'
 * refusals with their cause and request_id as they came.
 */
@ApplicationScoped
public class SyncService {

    static final String MANUAL = "manual";
    static final String SCHEDULE = "schedule";
    private static final Logger LOG = Logger.getLogger(SyncService.class);
    /** How long a stop waits for the work of the start. */
    private static final long STOP_WAIT_SECONDS = 10;
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final String JOB = "jobindsats-sync-";

    private final SyncRepository repository;
    private final Jobindsats jobindsats;
    private final JobindsatsKey key;
    private final ImportService imports;
    private final ObjectMapper mapper;
    private final SyncMetrics metrics;
    private final Scheduler scheduler;
    private final Path folder;
    /** The subscriptions being pulled in this instance: one pull of each at a time. */
    private final Set<Long> pulling = ConcurrentHashMap.newKeySet();
    /** The work of the start (see {@link #start}), which a stop waits for. */
    private volatile CompletableFuture<Void> resuming = CompletableFuture.completedFuture(null);

    SyncService(SyncRepository repository, Jobindsats jobindsats, JobindsatsKey key, ImportService imports,
            ObjectMapper mapper, SyncMetrics metrics, Scheduler scheduler, NoegletalConfig config) {
        this.repository = repository;
        this.jobindsats = jobindsats;
        this.key = key;
        this.imports = imports;
        this.mapper = mapper;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.folder = ImportFiles.folder(config);
    }

    /**
     * At start, beside it rather than before the service is ready (it costs the first queries of these entities):
     * runs a stopped service left running ended with it; the subscriptions' schedules are set.
     */
    void start(@Observes StartupEvent started, org.eclipse.microprofile.context.ManagedExecutor executor) {
        resuming = executor.runAsync(this::resume).exceptionally(failure -> {
            LOG.error("Taking up the pulls from Jobindsats at start failed", failure);
            return null;
        });
    }

    /**
     * A service stopped as soon as it is ready waits for the work of its start (a fraction of a second) rather than
     * pull the database from under it; a stop that waited for it longer than {@link #STOP_WAIT_SECONDS} goes on
     * without it. (That work's own failures are logged where they happen, so only the wait can fail here.)
     */
    void stop(@Observes ShutdownEvent stopping) {
        try {
            resuming.orTimeout(STOP_WAIT_SECONDS, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            LOG.warnf("The service stops before the pulls from Jobindsats were taken up (waited %d s)",
                    STOP_WAIT_SECONDS);
        }
    }

    private void resume() {
        int ended = QuarkusTransaction.requiringNew().call(() -> repository.endRunning("The service stopped during "
                + "the pull; nothing of it was stored.", now()));
        if (ended > 0) {
            LOG.infof("%d pulls from Jobindsats ended when the service stopped; they are recorded as failed", ended);
        }
        QuarkusTransaction.requiringNew().call(repository::all).forEach(this::schedule);
    }

    public List<SyncDto> list() {
        return QuarkusTransaction.requiringNew().call(() -> repository.all().stream().map(this::dto).toList());
    }

    public Optional<SyncDto> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(id).map(this::dto));
    }

    /**
     * Records a subscription, and schedules it.
     *
     * @throws ProblemException 400 naming what is wrong
     */
    public SyncDto create(SyncRequest request) {
        Selection selection = Selection.of(request);
        String schedule = schedule(request.schedule());
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            Subscription created = new Subscription();
            created.createdAt = now();
            write(created, request, selection, schedule);
            repository.persist(created);
            return created;
        });
        schedule(subscription);
        return find(subscription.id).orElseThrow();
    }

    /** Replaces a subscription; a changed selection is pulled whole at the next run, whatever update_latest says. */
    public Optional<SyncDto> update(long id, SyncRequest request) {
        Selection selection = Selection.of(request);
        String schedule = schedule(request.schedule());
        Optional<Subscription> updated = QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(id)
                .map(subscription -> {
                    String before = subscription.selection;
                    write(subscription, request, selection, schedule);
                    if (!subscription.selection.equals(before)) {
                        subscription.landedUpdateLatest = null;
                    }
                    return subscription;
                }));
        updated.ifPresent(this::schedule);
        return updated.flatMap(subscription -> find(subscription.id));
    }

    /** Deletes a subscription and its runs; its imports stay, as every import does. */
    public boolean delete(long id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> repository.deleteById(id));
        if (deleted) {
            scheduler.unscheduleJob(JOB + id);
        }
        return deleted;
    }

    /** A subscription's runs, newest first. */
    public Optional<List<SyncRunDto>> runs(long id, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(id)
                .map(subscription -> repository.runs(id, limit).stream().map(SyncRunDto::of).toList()));
    }

    public Optional<SyncRunDto> run(long id, long runId) {
        return QuarkusTransaction.requiringNew().call(() -> repository.run(id, runId).map(SyncRunDto::of));
    }

    /**
     * Pulls a subscription now and records the run, whatever its outcome.
     *
     * @param force pull the data even when Jobindsats' update_latest has not moved
     * @return the run; empty when there is no such subscription
     * @throws ProblemException 409 while a pull of the same subscription runs
     */
    public Optional<SyncRunDto> pull(long id, String trigger, boolean force) {
        if (!pulling.add(id)) {
            throw ProblemException.of(new dk.noegletal.common.Problem(ProblemException.type("conflict"), "Conflict",
                    409, "Subscription " + id + " is being pulled now; read its runs for the outcome, or ask again "
                            + "when it is done."), null);
        }
        try {
            Optional<Subscription> found = QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(id));
            return found.map(subscription -> SyncRunDto.of(pull(subscription, trigger, force)));
        } finally {
            pulling.remove(id);
        }
    }

    private SyncRun pull(Subscription subscription, String trigger, boolean force) {
        Selection selection = selection(subscription);
        SyncRun run = new SyncRun();
        run.syncId = subscription.id;
        run.trigger = trigger;
        run.startedAt = now();
        run.outcome = "running";
        run.requests = String.join(SyncRun.LIST_SEPARATOR, selection.requests());
        QuarkusTransaction.requiringNew().run(() -> repository.persistRun(run));
        Timer.Sample sample = metrics.start();
        Jobindsats.Attempts attempts = new Jobindsats.Attempts();
        List<Path> files = new ArrayList<>();
        TableInfo table = null;
        try {
            if (!key.configured()) {
                throw new JobindsatsException(0, null, null, "No Jobindsats key is configured: ask STAR "
                        + "(jobindsats@star.dk) for the organisation's key and set it in NOEGLETAL_JOBINDSATS_KEY.");
            }
            table = catalogue(selection.table(), attempts);
            run.updateLatest = table.updateLatest();
            if (!force && table.updateLatest() != null
                    && table.updateLatest().equals(subscription.landedUpdateLatest)) {
                run.outcome = "skipped";
                run.sentence = "Jobindsats has not updated " + selection.table() + " since the last pull "
                        + "(update_latest " + table.updateLatest() + "), so no data was asked for.";
            } else {
                List<String> requestIds = new ArrayList<>();
                for (Map<String, String> query : selection.queries()) {
                    Path answer = newFile(files);
                    String requestId = jobindsats.data(selection.table(), query, answer, attempts);
                    if (requestId != null) {
                        requestIds.add(requestId);
                    }
                }
                List<Path> answers = List.copyOf(files);
                Path body = newFile(files);
                DataAnswers.Joined joined = DataAnswers.join(answers, body);
                requestIds.addAll(joined.requestIds());
                run.rowsReceived = joined.rows();
                run.requestIds = requestIds.isEmpty() ? null : String.join(SyncRun.LIST_SEPARATOR, requestIds);
                ImportReportDto report = imports.importTable(selection.table(), ImportBody.of(body),
                        new ImportService.Origin("Jobindsats API v3", "Subscription "
                        + subscription.id + (subscription.description == null ? "" : ": "
                        + subscription.description), new ImportService.Pull(selection.requests(), requestIds,
                                table.updateLatest(), table.name(), subscription.id)));
                run.importId = report.id();
                boolean changed = report.inserted() > 0 || report.updated() > 0 || !report.added().isEmpty();
                run.outcome = changed ? "imported" : "unchanged";
                run.sentence = changed
                        ? "Stored as import " + report.id() + ": " + report.inserted() + " new and " + report.updated()
                                + " changed values of " + selection.table() + ", " + report.unchanged()
                                + " as they were."
                        : "Jobindsats' answer holds nothing new: all " + report.unchanged() + " values of "
                                + selection.table() + " were stored as they are (import " + report.id()
                                + "); the data version is unchanged.";
            }
        } catch (JobindsatsException e) {
            run.outcome = "failed";
            run.sentence = e.getMessage();
            run.httpStatus = e.status();
            run.cause = e.jobindsatsCause();
            if (e.requestId() != null) {
                run.requestIds = e.requestId();
            }
        } catch (ProblemException e) {
            run.outcome = "failed";
            run.sentence = "Jobindsats' answer could not be stored, and nothing was: " + e.problem().detail()
                    + (e.problem().errors() == null || e.problem().errors().isEmpty() ? ""
                            : " (first: " + e.problem().errors().get(0) + ")");
        } catch (RuntimeException e) {
            LOG.errorf(e, "The pull of subscription %d failed", subscription.id);
            run.outcome = "failed";
            run.sentence = "The pull failed in the service, and nothing was stored; the service's log has the "
                    + "details.";
        } finally {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("A pulled file could not be deleted: %s", file);
                }
            }
        }
        run.attempts = attempts.count();
        run.finishedAt = now();
        run.sentence = limit(run.sentence, 2000);
        TableInfo read = table;
        QuarkusTransaction.requiringNew().run(() -> {
            SyncRun stored = repository.run(run.id);
            stored.outcome = run.outcome;
            stored.sentence = run.sentence;
            stored.updateLatest = limit(run.updateLatest, 64);
            stored.requestIds = limit(run.requestIds, 2000);
            stored.attempts = run.attempts;
            stored.rowsReceived = run.rowsReceived;
            stored.importId = run.importId;
            stored.httpStatus = run.httpStatus;
            stored.cause = limit(run.cause, 1000);
            stored.finishedAt = run.finishedAt;
            repository.findByIdOptional(subscription.id).ifPresent(current -> {
                if (read != null) {
                    current.tableName = limit(read.name(), 300);
                    current.updateNext = limit(read.updateNext(), 64);
                }
                // Only a pull of the selection as it still stands says what has landed.
                if (("imported".equals(run.outcome) || "unchanged".equals(run.outcome))
                        && current.selection.equals(subscription.selection)) {
                    current.landedUpdateLatest = limit(run.updateLatest, 64);
                }
            });
        });
        metrics.finished(sample, run);
        if ("failed".equals(run.outcome)) {
            LOG.warnf("Pull of subscription %d (%s) failed: %s", subscription.id, selection.table(), run.sentence);
        } else {
            LOG.infof("Pull of subscription %d (%s): %s", subscription.id, selection.table(), run.sentence);
        }
        return run;
    }

    /** What Jobindsats says of the table: its metadata, and what that lacks from the catalogue. */
    private TableInfo catalogue(String tableId, Jobindsats.Attempts attempts) {
        TableInfo metadata = TableInfo.find(jobindsats.table(tableId, attempts), tableId)
                .orElse(new TableInfo(null, null, null));
        if (metadata.updateLatest() != null && metadata.name() != null) {
            return metadata;
        }
        Optional<TableInfo> listed = TableInfo.find(jobindsats.tables(attempts), tableId);
        if (listed.isEmpty() && metadata.updateLatest() == null) {
            throw new JobindsatsException(0, null, null, "Jobindsats' catalogue (/tables) has no table " + tableId
                    + "; check the subscription's table id.");
        }
        return metadata.or(listed.orElse(null));
    }

    private Path newFile(List<Path> files) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Named as an import file, so that what a stopped run leaves is deleted at the next start.
        Path file = ImportFiles.newFile(folder, "jobindsats");
        files.add(file);
        return file;
    }

    private void write(Subscription subscription, SyncRequest request, Selection selection, String schedule) {
        subscription.tableId = selection.table();
        subscription.description = request.description() == null || request.description().isBlank() ? null
                : request.description().trim();
        if (subscription.description != null && subscription.description.length() > 300) {
            throw Selection.invalid("A description has at most 300 characters.");
        }
        try {
            subscription.selection = mapper.writeValueAsString(selection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        subscription.schedule = schedule;
        subscription.updatedAt = now();
    }

    private Selection selection(Subscription subscription) {
        try {
            return mapper.readValue(subscription.selection, Selection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The selection of subscription " + subscription.id + " is unreadable", e);
        }
    }

    /** A schedule, checked: a cron expression with seconds, or none. */
    private static String schedule(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return null;
        }
        String cron = schedule.trim().replaceAll("\\s+", " ");
        try {
            CRON.parse(cron).validate();
        } catch (IllegalArgumentException e) {
            throw Selection.invalid("'" + schedule.trim() + "' is not a cron expression with seconds (second minute "
                    + "hour day-of-month month day-of-week, e.g. \"0 30 6 * * ?\" for 6:30 every day): "
                    + e.getMessage());
        }
        return cron;
    }

    /** Sets, changes or ends the subscription's schedule in this instance. */
    private void schedule(Subscription subscription) {
        String job = JOB + subscription.id;
        scheduler.unscheduleJob(job);
        if (subscription.schedule == null) {
            return;
        }
        long id = subscription.id;
        scheduler.newJob(job).setCron(subscription.schedule)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    try {
                        pull(id, SCHEDULE, false);
                    } catch (ProblemException busy) {
                        LOG.infof("The scheduled pull of subscription %d was skipped: %s", id,
                                busy.problem().detail());
                    }
                }).schedule();
    }

    private SyncDto dto(Subscription subscription) {
        Selection selection = selection(subscription);
        Trigger trigger = scheduler.getScheduledJob(JOB + subscription.id);
        OffsetDateTime next = trigger == null || trigger.getNextFireTime() == null ? null
                : trigger.getNextFireTime().atZone(ZoneId.systemDefault()).toOffsetDateTime();
        return new SyncDto(subscription.id, subscription.tableId, subscription.description,
                new SyncRequest.Areas(selection.areaHierarchy(), selection.areaMembers(), selection.country()),
                selection.dimensions(), selection.periods(), selection.measureGroups(), subscription.schedule, next,
                selection.requests(), subscription.createdAt, subscription.updatedAt,
                new SyncDto.Catalogue(subscription.tableName, subscription.landedUpdateLatest,
                        subscription.updateNext),
                repository.lastRun(subscription.id).map(SyncRunDto::of).orElse(null));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
