package dk.noegletal.ingest;

import dk.noegletal.area.AreaService;
import dk.noegletal.common.DataVersion;
import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.common.Turns;
import dk.noegletal.table.MeasureKind;
import dk.noegletal.table.TableDefinition;
import dk.noegletal.table.TableStore;
import dk.noegletal.targetgroup.TargetGroupService;
import dk.noegletal.timeseries.ObservationInput;
import dk.noegletal.timeseries.ObservationStatus;
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
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Imports a file as one revision: every row is checked first, and only a file without errors is stored, in one
 * transaction. Imports run one at a time: in this instance in turns (a bounded wait, then 503), across instances by
 * the data-version row.
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
    /** Imports run one at a time in this instance; across instances the data-version row orders them. */
    private final Turns oneAtATime;

    ImportService(AreaService areas, TargetGroupService targetGroups, ObservationStore store, TableStore tables,
            ImportRunRepository runs, NoegletalConfig config, DataVersion dataVersion, ImportMetrics metrics) {
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

    /** The information an importer gives about a file. */
    public record Origin(String source, String description) {
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
            ImportFile file = read(body, reader -> TidyCsvParser.parse(reader, tableId, errors));
            if (file instanceof TableFile table) {
                boolean asked = tableId != null && !tableId.isBlank();
                if (!asked && table.namedTable() == null) {
                    errors.throwIfAny(); // every line's table is missing: the lines' errors say so
                }
                // The parser held every line's table to ?table= (an error naming the line where they differ).
                return importTableFile(tableId(asked ? tableId : table.namedTable(), null), table, OWN, origin,
                        config.imports().maxRows(), errors);
            }
            return importParsed((ParsedFile) file, origin, errors);
        }));
    }

    public ImportReportDto importJobindsatsJson(ImportBody body, Origin origin) {
        return oneAtATime.take(() -> metrics.measure(ImportMetrics.JOBINDSATS_JSON, () -> {
            ImportErrors errors = new ImportErrors(config.imports().maxListedErrors());
            return importParsed(read(body, reader -> JobindsatsJsonParser.parse(reader, errors)), origin, errors);
        }));
    }

    /** A table id as the catalogue keeps it: a Jobindsats id such as y25i09 or the user's own, e.g. own-tilfredshed. */
    private static final java.util.regex.Pattern TABLE_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /**
     * Imports a Jobindsats export of any table into the table named by {@code tableId} (or by the export's own
     * TableID), registering what the catalogue does not yet hold.
     */
    public ImportReportDto importTable(String tableId, ImportBody body, Origin origin) {
        return importTable(tableId, body, origin, config.imports().maxRows());
    }

    /** The demo's own table, which is larger than an upload may be in the tests' configuration. */
    ImportReportDto importDemoTable(String tableId, ImportBody body, Origin origin) {
        return importTable(tableId, body, origin, Integer.MAX_VALUE);
    }

    private ImportReportDto importTable(String tableId, ImportBody body, Origin origin, int maxRows) {
        return oneAtATime.take(() -> metrics.measure(ImportMetrics.JOBINDSATS_JSON, () -> {
            TableFile file = read(body, TableJsonParser::parse);
            String table = tableId(tableId, file.namedTable());
            return importTableFile(table, file, JOBINDSATS, origin, maxRows,
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
     * Checks and stores a table file; {@code errors} may hold the parser's already. {@code source} is the table's
     * when this import registers it.
     */
    private ImportReportDto importTableFile(String tableId, TableFile read, String source, Origin origin,
            int maxRows, ImportErrors errors) {
        Map<String, String> areaCodes = QuarkusTransaction.joiningExisting().call(areas::codesByCodeOrName);
        Optional<TableDefinition> existing = tables.find(tableId);
        // A CSV file's columns come in any order; a table keeps its dimensions in the order it has them.
        TableFile file = read.format() == ImportFormat.TIDY_CSV && existing.isPresent()
                ? read.inOrderOf(existing.get().dimensions()) : read;
        java.util.function.Function<String, MeasureKind> kinds = label -> existing
                .flatMap(table -> table.measure(label)).map(TableDefinition.MeasureDefinition::kind)
                .orElseGet(() -> MeasureKind.infer(label));
        long observations = file.observations();
        if (observations > maxRows) {
            throw ImportErrors.fileError("body", null, null, null, "the file holds " + observations
                    + " observations, more than the " + maxRows + " one import may hold; split it");
        }
        TableRowResolver.Result result = TableRowResolver.resolve(file, areaCodes, kinds, errors);
        errors.throwIfAny();
        if (result.observations().isEmpty()) {
            throw ImportErrors.fileError("body", null, null, null, "the file holds no observations");
        }
        return QuarkusTransaction.joiningExisting().timeout(config.imports().timeoutSeconds()).call(() -> {
            dataVersion.lock();
            TableStore.Registered registered;
            try {
                registered = tables.register(new TableStore.Shape(tableId, source, file.dimensions(),
                        file.measures(), result.combinations()));
            } catch (IllegalArgumentException e) {
                throw ImportErrors.fileError("columns", null, null, null, e.getMessage());
            }
            List<TableStore.Observation> rows = TableRowResolver.observations(result, registered);
            ImportRun run = newRun(file.format(), origin, rows.size(),
                    (int) rows.stream().filter(o -> o.value() == null).count(), List.of(),
                    rows.stream().map(TableStore.Observation::period), rows.stream().map(TableStore.Observation::areaCode));
            run.tableId = registered.table().id();
            run.added = String.join(ImportRun.LIST_SEPARATOR, registered.added());
            run.duplicateRows = result.duplicateRows();
            run.skippedRows = result.skippedRows();
            runs.persistAndFlush(run);
            return finish(run, tables.write(run.id, registered.table().id(), rows), !registered.added().isEmpty());
        });
    }

    public List<ImportReportDto> history() {
        return QuarkusTransaction.joiningExisting().call(
                () -> runs.newestFirst().stream().map(ImportReportDto::of).toList());
    }

    public Optional<ImportReportDto> find(long id) {
        return QuarkusTransaction.joiningExisting().call(
                () -> runs.findByIdOptional(id).map(ImportReportDto::of));
    }

    private ImportReportDto importParsed(ParsedFile file, Origin origin, ImportErrors errors) {
        ObservationResolver.Catalogue catalogue = QuarkusTransaction.joiningExisting().call(
                () -> new ObservationResolver.Catalogue(areas.codesByCodeOrName(), targetGroups.codesByName()));
        if (file.rows().size() > config.imports().maxRows()) {
            throw ImportErrors.fileError("body", null, null, null, "the file holds " + file.rows().size()
                    + " observations, more than the " + config.imports().maxRows() + " one import may hold; split it");
        }
        List<ObservationInput> observations = ObservationResolver.resolve(file.rows(), catalogue, errors);
        errors.throwIfAny();
        if (observations.isEmpty()) {
            throw ImportErrors.fileError("body", null, null, null, "the file holds no observations");
        }
        // The caller's transaction when there is one (the demo's imports land together), else its own, with
        // time for the largest import the limits allow.
        return QuarkusTransaction.joiningExisting().timeout(config.imports().timeoutSeconds())
                .call(() -> store(file, observations, origin));
    }

    private ImportReportDto store(ParsedFile file, List<ObservationInput> observations, Origin origin) {
        dataVersion.lock();
        ImportRun run = newRun(file.format(), origin, observations.size(),
                (int) observations.stream().filter(o -> o.status() == ObservationStatus.SUPPRESSED).count(),
                file.ignoredColumns(), observations.stream().map(o -> o.key().period()),
                observations.stream().map(o -> o.key().areaCode()));
        run.skippedRows = file.skippedRows();
        runs.persistAndFlush(run);
        return finish(run, store.write(run.id, observations), false);
    }

    private static ImportRun newRun(ImportFormat format, Origin origin, int rows, int suppressed,
            List<String> ignoredColumns, java.util.stream.Stream<Period> periods,
            java.util.stream.Stream<String> areaCodes) {
        ImportRun run = new ImportRun();
        run.importedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        run.format = format.code();
        run.source = limit(origin.source(), 200);
        run.description = limit(origin.description(), 1000);
        run.rowsRead = rows;
        run.suppressed = suppressed;
        run.ignoredColumns = String.join(ImportRun.LIST_SEPARATOR, ignoredColumns);
        run.periods = periods.collect(Collectors.toCollection(TreeSet::new)).stream().map(Period::code)
                .collect(Collectors.joining(ImportRun.LIST_SEPARATOR));
        run.areas = areaCodes.collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(ImportRun.LIST_SEPARATOR));
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
