package dk.noegletal.ingest;

import dk.noegletal.common.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * What imports did, at /q/metrics: {@code noegletal_imports_seconds} (count and duration) by format and outcome
 * (stored, rejected: a 4xx problem and nothing stored, failed: a server error), and {@code noegletal_import_rows_total}
 * by format and result (inserted, updated, unchanged, and rejected: the row errors of rejected imports).
 */
@ApplicationScoped
class ImportMetrics {

    static final String CSV = "tidy-csv";
    static final String JOBINDSATS_JSON = "jobindsats-json";

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one import of the given format and records its outcome, duration and rows. */
    ImportReportDto measure(String format, Supplier<ImportReportDto> importing) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            ImportReportDto report = importing.get();
            outcome = "stored";
            rows(format, "inserted").increment(report.inserted());
            rows(format, "updated").increment(report.updated());
            rows(format, "unchanged").increment(report.unchanged());
            return report;
        } catch (ProblemException e) {
            if (e.problem().status() < 500) {
                outcome = "rejected";
                Integer errors = e.problem().errorCount();
                rows(format, "rejected").increment(errors == null ? 0 : errors);
            }
            throw e;
        } finally {
            sample.stop(Timer.builder("noegletal.imports").description("Imports by format and outcome")
                    .tag("format", format).tag("outcome", outcome).register(registry));
        }
    }

    private Counter rows(String format, String result) {
        return Counter.builder("noegletal.import.rows").description("Observations of imports by result")
                .tag("format", format).tag("result", result).register(registry);
    }
}
