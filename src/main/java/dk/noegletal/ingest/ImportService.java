package dk.noegletal.ingest;

import dk.noegletal.area.AreaService;
import dk.noegletal.common.DataVersion;
import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.common.Problem;
import dk.noegletal.common.ProblemException;
import dk.noegletal.common.Turns;
import dk.noegletal.table.MeasureKind;
import dk.noegletal.table.TableDefinition;
import dk.noegletal.table.TableStore;
import dk.noegletal.targetgroup.TargetGroupService;
import dk.noegletal.timeseries.ObservationInput;
import dk.noegletal.timeseries.ObservationKey;
import dk.noegletal.timeseries.ObservationStore;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.WriteResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Imports a file as one revision, in one transaction: the file is read as a stream, each row checked and staged in
 * batches as it is read, so that memory stays flat whatever its size; only a file without errors is merged into the
 * store, and an error anywhere rolls everything back. Imports run one at a time: in this instance in turns (a
 * bounded wait, then 503), across instances by the data-version row.
 */
@ApplicationScoped
public class ImportService {

    private final AreaService areas;
    private final TargetGroupService targetGroups;
    private final ObservationStore store;
    private final TableStore tables;
    private final ImportRunRepository runs;
    private final NoegletalConfig config;
    private final DataVersion dataVersion;
    private final ImportMetrics metrics;
    private final DataSource dataSource;
    /** Imports run one at a time in this instance; across instances the data-version row orders them. */
    private final Turns oneAtATime;

    ImportService(AreaService areas, TargetGroupService targetGroups, ObservationStore store, TableStore tables,
            ImportRunRepository runs, NoegletalConfig config, DataVersion dataVersion, ImportMetrics metrics,
            DataSource dataSource) {
        this.dataSource = dataSource;
        this.areas = areas;
        this.targetGroups = targetGroups;
        this.store = store;
        this.tables = tables;
        this.runs = runs;
        this.config = config;
        this.dataVersion = dataVersion;
        this.metrics = metrics;
        this.oneAtATime = new Turns(1, config.imports().queueWait(), "Another import is being stored and this one "
                + "waited " + config.imports().queueWait().toSeconds() + " s for its turn; send it again shortly.");
    }

    /** The information an importer gives about a file; {@code pull} when a pull from Jobindsats made it. */
    public record Origin(String source, String description, Pull pull) {

        public Origin(String source, String description) {
            this(source, description, null);
        }
    }

    /**
     * Where a pull's file came from: its data requests (as sent, without the key), Jobindsats' ids of them,
     * Jobindsats' update_latest of the table, the table's name there, and the subscription that pulled it.
     */
    public record Pull(List<String> requests, List<String> requestIds, String updateLatest, String tableName,
            long subscription) {
    }

    /** Imports a tidy CSV file of the målgruppe table. */
    public ImportReportDto importCsv(ImportBody body, Origin origin) {
        return importCsv(body, null, origin);
    }

    /**
     * Imports a tidy CSV file: of any table when its header has a {@code table} column or {@code tableId} names
     * one (with both, they must agree), registering what the catalogue does not yet hold, as the user's own
     * table when it is new; else of the målgruppe table.
     */
    public ImportReportDto importCsv(ImportBody body, String tableId, Origin origin) {
        return oneAtATime.take(() -> metrics.measure(ImportMetrics.CSV, () -> {
            ImportErrors errors = new ImportErrors(config.imports().maxListedErrors());
            TidyCsvParser.Kind kind = read(body, reader -> TidyCsvParser.kind(reader, tableId));
            if (!kind.table()) {
                return importObservations(origin, errors, each -> read(body, reader -> {
                    TidyCsvParser.observations(reader, errors, each);
                    return new JobindsatsJsonParser.Read(ImportFormat.TIDY_CSV, List.of());
                }));
            }
            boolean asked = tableId != null && !tableId.isBlank();
            if (!asked && kind.namedTable() == null) {
                // No line names its table: the lines' errors say so.
                read(body, reader -> csvTable(reader, null, errors, file -> {
                    file.rows(row -> { });
                    return null;
                }));
                errors.throwIfAny();
            }
            // The parser holds every line's table to ?table= (an error naming the line where they differ).
            String table = tableId(asked ? tableId : kind.namedTable(), null);
            return read(body, reader -> csvTable(reader, tableId, errors,
                    file -> importTableSource(table, file, OWN, origin, errors)));
        }));
    }

    /** A tidy CSV file of any table, its header read, as a source of its lines. */
    private static <T> T csvTable(Reader reader, String tableId, ImportErrors errors,
            Function<TableSource, T> use) throws IOException {
        try (CsvRecords records = CsvRecords.open(reader)) {
            CsvRecords.Record header = TidyCsvParser.header(records, tableId != null && !tableId.isBlank());
            return use.apply(TableCsvParser.open(records, header, tableId, errors));
        }
    }

    public ImportReportDto importJobindsatsJson(ImportBody body, Origin origin) {
        return oneAtATime.take(() -> metrics.measure(ImportMetrics.JOBINDSATS_JSON, () -> {
            ImportErrors errors = new ImportErrors(config.imports().maxListedErrors());
            return importObservations(origin, errors, each -> read(body,
                    reader -> JobindsatsJsonParser.observations(reader, errors, each)));
        }));
    }

    /** A table id as the catalogue keeps it: a Jobindsats id such as y25i09 or the user's own, e.g. own-tilfredshed. */
    private static final java.util.regex.Pattern TABLE_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /**
     * Imports a Jobindsats export of any table into the table named by {@code tableId} (or by the export's own
     * TableID), registering what the catalogue does not yet hold.
     */
    public ImportReportDto importTable(String tableId, ImportBody body, Origin origin) {
        return oneAtATime.take(() -> metrics.measure(ImportMetrics.JOBINDSATS_JSON, () -> {
            TableSource file = TableJsonParser.open(body);
            return importTableSource(tableId(tableId, file.namedTable()), file, JOBINDSATS, origin,
                    new ImportErrors(config.imports().maxListedErrors()));
        }));
    }

    private static String tableId(String asked, String named) {
        String id = (asked == null || asked.isBlank() ? named : asked);
        if (id == null || id.isBlank()) {
            throw ImportErrors.fileError("table", null, null, null, "name the table the file belongs to with "
                    + "?table=, e.g. ?table=y25i09");
        }
        id = id.trim().toLowerCase(java.util.Locale.ROOT);
        if (!TABLE_ID.matcher(id).matches()) {
            throw ImportErrors.fileError("table", null, null, id, "'" + id + "' is not a table id: use letters, "
                    + "digits, - and _ (at most 64), e.g. y25i09 or own-virksomhedsservice");
        }
        if (TableDefinition.CURATED.contains(id)) {
            throw ImportErrors.fileError("table", null, null, id, "the table " + id + " is built in and filled by "
                    + "the målgruppe import: post the file without ?table=");
        }
        if (named != null && !named.isBlank() && !named.trim().equalsIgnoreCase(id)) {
            throw ImportErrors.fileError("table", null, null, named, "the export is table " + named.trim()
                    + ", not " + id);
        }
        return id;
    }

    /** The source of a table a Jobindsats export registers, and of one a tidy CSV file registers. */
    private static final String JOBINDSATS = "Jobindsats";
    private static final String OWN = "own";

    /**
     * Checks and stores a table file as it is read, in the one transaction: its rows are checked one at a time,
     * what the catalogue lacks is registered as it appears, and the observations are staged in batches and merged
     * at the end; an error anywhere rolls everything back. {@code source} is the table's when this import
     * registers it.
     */
    private ImportReportDto importTableSource(String tableId, TableSource read, String source, Origin origin,
            ImportErrors errors) {
        Map<String, String> areaCodes = QuarkusTransaction.joiningExisting().call(areas::codesByCodeOrName);
        Optional<TableDefinition> existing = tables.find(tableId);
        // A CSV file's columns come in any order; a table keeps its dimensions in the order it has them.
        TableSource file = read.format() == ImportFormat.TIDY_CSV && existing.isPresent()
                ? read.inOrderOf(existing.get().dimensions()) : read;
        Function<String, MeasureKind> kinds = label -> existing
                .flatMap(table -> table.measure(label)).map(TableDefinition.MeasureDefinition::kind)
                .orElseGet(() -> MeasureKind.infer(label));
        return inTransaction(() -> {
            dataVersion.lock();
            ImportStaging staging = ImportStaging.open(dataSource);
            TableRowResolver resolver = new TableRowResolver(file, areaCodes, kinds, errors);
            TableSeries series = new TableSeries(tables, new TableStore.Shape(tableId, source, file.dimensions(),
                    file.measures(), List.of()), staging, file.format() == ImportFormat.TIDY_CSV);
            file.rows(row -> series.stage(resolver.resolve(row)));
            series.flush();
            int duplicateRows = TableSeries.judgeRepeats(staging, file.format() == ImportFormat.TIDY_CSV, errors);
            errors.throwIfAny();
            if (staging.staged() == 0) {
                throw ImportErrors.fileError("body", null, null, null, "the file holds no observations");
            }
            ImportRun run = newRun(file.format(), origin, staging, List.of());
            run.tableId = tableId;
            // A table nobody has named takes its name from Jobindsats' catalogue.
            boolean named = origin.pull() != null && tables.nameIfUnnamed(tableId, origin.pull().tableName());
            run.added = String.join(ImportRun.LIST_SEPARATOR, series.added());
            run.duplicateRows = duplicateRows;
            run.skippedRows = resolver.skippedRows();
            runs.persistAndFlush(run);
            return finish(run, staging.merge(run.id), named || !series.added().isEmpty());
        });
    }

    /**
     * Runs an import's work in its transaction (the caller's when there is one, such as the demo's): one that runs
     * past the time-out is rolled back by the transaction manager, and said so as a 503 problem rather than as the
     * failure its next statement meets. The rollback leaves the store as it was and the import lock free. Once its own
     * transaction has ended, the staged rows are emptied (see {@link ImportStaging#empty}); in the caller's, the next
     * import empties them, and the next start.
     */
    private ImportReportDto inTransaction(Callable<ImportReportDto> work) {
        int timeout = config.imports().timeoutSeconds();
        long began = System.nanoTime();
        boolean own = !QuarkusTransaction.isActive();
        try {
            return QuarkusTransaction.joiningExisting().timeout(timeout).call(work);
        } catch (RuntimeException e) {
            boolean timedOut = System.nanoTime() - began >= TimeUnit.SECONDS.toNanos(timeout);
            if (!timedOut || e instanceof ProblemException) {
                throw e;
            }
            throw ProblemException.of(new Problem(ProblemException.type("import-timed-out"),
                    "Import cancelled", 503, "The import took longer than the " + timeout + " s an import may take, "
                            + "and was cancelled: nothing of it was stored. Split the file (one year per import), or "
                            + "ask the administrator to raise noegletal.imports.timeout-seconds."), null);
        } finally {
            if (own) {
                ImportStaging.empty(dataSource);
            }
        }
    }

    public List<ImportReportDto> history() {
        return QuarkusTransaction.joiningExisting().call(
                () -> runs.newestFirst().stream().map(ImportReportDto::of).toList());
    }

    public Optional<ImportReportDto> find(long id) {
        return QuarkusTransaction.joiningExisting().call(
                () -> runs.findByIdOptional(id).map(ImportReportDto::of));
    }

    /** Reads a file of the målgruppe table, each observation given to the consumer; says what the file was. */
    private interface ObservationReading {
        JobindsatsJsonParser.Read read(Consumer<RawObservation> each);
    }

    /**
     * Checks and stores a file of the målgruppe table as it is read, in the one transaction (see {@link
     * #importTableSource}).
     */
    private ImportReportDto importObservations(Origin origin, ImportErrors errors, ObservationReading reading) {
        ObservationResolver.Catalogue catalogue = QuarkusTransaction.joiningExisting().call(
                () -> new ObservationResolver.Catalogue(areas.codesByCodeOrName(), targetGroups.codesByName()));
        // The caller's transaction when there is one (the demo's imports land together), else its own.
        return inTransaction(() -> {
            dataVersion.lock();
            ImportStaging staging = ImportStaging.open(dataSource);
            ObservationResolver resolver = new ObservationResolver(catalogue, errors);
            RowNumbers rows = new RowNumbers();
            JobindsatsJsonParser.Read read = reading.read(raw -> {
                ImportStaging.Place place = new ImportStaging.Place(raw.location(), raw.line(),
                        rows.of(raw.location()), raw.period());
                Optional<ObservationInput> observation = resolver.resolve(raw);
                if (observation.isPresent()) {
                    ObservationKey key = observation.get().key();
                    staging.add(store.series(key.targetGroupCode(), key.measure()), key.areaCode(), key.period(),
                            observation.get().value(), place);
                } else {
                    resolver.lastKey().ifPresent(key -> staging.seen(store.series(key.targetGroupCode(),
                            key.measure()), key.areaCode(), key.period(), place));
                }
            });
            ObservationResolver.judgeRepeats(staging, errors);
            errors.throwIfAny();
            if (staging.staged() == 0) {
                throw ImportErrors.fileError("body", null, null, null, "the file holds no observations");
            }
            ImportRun run = newRun(read.format(), origin, staging, read.ignoredColumns());
            run.skippedRows = resolver.skippedRows();
            runs.persistAndFlush(run);
            return finish(run, staging.merge(run.id), false);
        });
    }

    /** Numbers the rows of a file by their places: the observations of one row come one after another. */
    private static final class RowNumbers {
        private String location;
        private long number = -1;

        long of(String location) {
            if (!location.equals(this.location)) {
                this.location = location;
                number++;
            }
            return number;
        }
    }

    private static ImportRun newRun(ImportFormat format, Origin origin, ImportStaging staging,
            List<String> ignoredColumns) {
        ImportRun run = new ImportRun();
        run.importedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        run.format = format.code();
        run.source = limit(origin.source(), 200);
        run.description = limit(origin.description(), 1000);
        run.rowsRead = staging.staged();
        run.suppressed = staging.suppressed();
        run.ignoredColumns = String.join(ImportRun.LIST_SEPARATOR, ignoredColumns);
        run.periods = staging.periods().stream().map(Period::code).collect(Collectors.joining(ImportRun.LIST_SEPARATOR));
        run.areas = String.join(ImportRun.LIST_SEPARATOR, staging.areas());
        if (origin.pull() != null) {
            run.jobindsatsRequests = limit(String.join(ImportRun.LIST_SEPARATOR, origin.pull().requests()), 8000);
            run.jobindsatsRequestIds = limit(String.join(ImportRun.LIST_SEPARATOR, origin.pull().requestIds()), 2000);
            run.jobindsatsUpdateLatest = limit(origin.pull().updateLatest(), 64);
            run.syncId = origin.pull().subscription();
        }
        return run;
    }

    /**
     * Records what the import did. Only an import that changed the data counts a write: one that changed nothing is
     * kept in the history but leaves the data version, and so every ETag, as it was.
     */
    private ImportReportDto finish(ImportRun run, WriteResult result, boolean catalogueChanged) {
        run.inserted = result.inserted();
        run.updated = result.updated();
        run.unchanged = result.unchanged();
        if (run.inserted > 0 || run.updated > 0 || catalogueChanged) {
            dataVersion.countWrite();
        }
        return ImportReportDto.of(run);
    }

    private interface Parse<T> {
        T parse(Reader reader) throws IOException;
    }

    private static <T> T read(ImportBody body, Parse<T> parse) {
        if (body == null) {
            throw ImportErrors.fileError("body", null, null, null, "the request has no body");
        }
        try (Reader reader = Utf8.reader(body.open())) {
            return parse.parse(reader);
        } catch (IOException e) {
            throw Utf8.unreadable(e);
        }
    }

    private static String limit(String text, int length) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.length() <= length ? trimmed : trimmed.substring(0, length);
    }
}
