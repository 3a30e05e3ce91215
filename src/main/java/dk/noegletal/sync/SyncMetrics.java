package dk.noegletal.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What pulls did, at /q/metrics: {@code noegletal_syncs_seconds} (count and duration of pulls) by outcome (imported,
 * unchanged, skipped, failed) and trigger (manual, schedule), and {@code noegletal_sync_requests_total}, the requests
 * sent to Jobindsats, retries included.
 */
@ApplicationScoped
class SyncMetrics {

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void finished(Timer.Sample sample, SyncRun run) {
        sample.stop(Timer.builder("noegletal.syncs").description("Pulls from Jobindsats by outcome and trigger")
                .tag("outcome", run.outcome).tag("trigger", run.trigger).register(registry));
        registry.counter("noegletal.sync.requests").increment(run.attempts);
    }
}
