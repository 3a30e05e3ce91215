package dk.noegletal.ingest;

import dk.noegletal.area.AreaService;
import dk.noegletal.common.DataVersion;
import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.common.Turns;
import dk.noegletal.targetgroup.TargetGroupService;
import dk.noegletal.timeseries.ObservationInput;
import dk.noegletal.timeseries.ObservationStatus;
import dk.noegletal.timeseries.ObservationStore;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.WriteResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
    private final ImportRunRepository runs;
    private final NoegletalConfig config;
    private final DataVersion dataVersion;
    private final ImportMetrics metrics;
    /** Imports run one at a time in this instance; across instances the data-version row orders them. */
    private final Turns oneAtATime;

    ImportService(AreaService areas, TargetGroupService targetGroups, ObservationStore store,
            ImportRunRepository runs, NoegletalConfig config, DataVersion dataVersion, ImportMetrics metrics) {
        this.areas = areas;
        this.targetGroups = targetGroups;
        this.store = store;
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

    public ImportReportDto importCsv(InputStream body, Origin origin) {
        return oneAtATime.take(() -> metrics.measure(ImportMetrics.CSV, () -> {
            ImportErrors errors = new ImportErrors(config.imports().maxListedErrors());
            return importParsed(read(body, reader -> TidyCsvParser.parse(reader, errors)), origin, errors);
        }));
    }

    public ImportReportDto importJobindsatsJson(InputStream body, Origin origin) {
        return oneAtATime.take(() -> metrics.measure(ImportMetrics.JOBINDSATS_JSON, () -> {
            ImportErrors errors = new ImportErrors(config.imports().maxListedErrors());
            return importParsed(read(body, reader -> JobindsatsJsonParser.parse(reader, errors)), origin, errors);
        }));
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
        // The caller's transaction when there is one (the demo's two imports land together), else its own, with
        // time for the largest import the limits allow.
        return QuarkusTransaction.joiningExisting().timeout(config.imports().timeoutSeconds())
                .call(() -> store(file, observations, origin));
    }

    private ImportReportDto store(ParsedFile file, List<ObservationInput> observations, Origin origin) {
        dataVersion.countWrite();
        ImportRun run = new ImportRun();
        run.importedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        run.format = file.format().code();
        run.source = limit(origin.source(), 200);
        run.description = limit(origin.description(), 1000);
        run.rowsRead = observations.size();
        run.suppressed = (int) observations.stream().filter(o -> o.status() == ObservationStatus.SUPPRESSED).count();
        run.ignoredColumns = String.join(ImportRun.LIST_SEPARATOR, file.ignoredColumns());
        run.periods = observations.stream().map(o -> o.key().period())
                .collect(Collectors.toCollection(TreeSet::new)).stream().map(Period::code)
                .collect(Collectors.joining(ImportRun.LIST_SEPARATOR));
        run.areas = observations.stream().map(o -> o.key().areaCode())
                .collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(ImportRun.LIST_SEPARATOR));
        runs.persistAndFlush(run);
        WriteResult result = store.write(run.id, observations);
        run.inserted = result.inserted();
        run.updated = result.updated();
        run.unchanged = result.unchanged();
        return ImportReportDto.of(run);
    }

    private interface Parse {
        ParsedFile parse(Reader reader) throws IOException;
    }

    private static ParsedFile read(InputStream body, Parse parse) {
        if (body == null) {
            throw ImportErrors.fileError("body", null, null, null, "the request has no body");
        }
        try (Reader reader = Utf8.reader(body)) {
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
