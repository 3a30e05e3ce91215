package dk.noegletal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The requests a pull makes to Jobindsats, each tried again with growing pauses when Jobindsats answers 429 or 5xx
 * (and only then: a refusal, a time-out or no connection ends the pull at once). The retries and pauses are set with
 * the MicroProfile Fault Tolerance keys {@code dk.noegletal.sync.Jobindsats/Retry/maxRetries} and {@code .../delay}.
 */
@ApplicationScoped
@Retry(retryOn = JobindsatsException.Transient.class, maxRetries = 3, delay = 2000, jitter = 500)
@ExponentialBackoff(factor = 2, maxDelay = 60_000)
class Jobindsats {

    private final JobindsatsApi api;
    private final long readTimeoutMillis;

    Jobindsats(@RestClient JobindsatsApi api,
            @ConfigProperty(name = "quarkus.rest-client.jobindsats.read-timeout", defaultValue = "120000")
            long readTimeoutMillis) {
        this.api = api;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** How many requests a pull sent, retries included. */
    static final class Attempts {
        private final AtomicInteger count = new AtomicInteger();

        int count() {
            return count.get();
        }
    }

    JsonNode tables(Attempts attempts) {
        return send(attempts, api::tables);
    }

    JsonNode table(String tableId, Attempts attempts) {
        return send(attempts, () -> api.table(tableId));
    }

    /**
     * Writes a data answer, as it came, to the file (replacing what an earlier attempt left), and answers
     * Jobindsats' id of the request when a header carries it.
     */
    String data(String tableId, Map<String, String> query, Path file, Attempts attempts) {
        return send(attempts, () -> {
            RestResponse<InputStream> answer = api.data(tableId, query);
            try (InputStream body = answer.getEntity()) {
                if (body == null) {
                    throw new JobindsatsException(answer.getStatus(), null, RequestIds.of(answer.getHeaders()),
                            "Jobindsats answered the data request without a body (" + answer.getStatus() + ").");
                }
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return RequestIds.of(answer.getHeaders());
        });
    }

    private <T> T send(Attempts attempts, Supplier<T> request) {
        attempts.count.incrementAndGet();
        try {
            return request.get();
        } catch (JobindsatsException failure) {
            throw failure.read();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof JobindsatsException failure) {
                throw failure.read();
            }
            throw unanswered(e);
        } catch (UncheckedIOException e) {
            throw unanswered(e);
        }
    }

    /** No answer came: a time-out, no connection, or a body cut off. */
    private JobindsatsException unanswered(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("Timeout")) {
                return new JobindsatsException(0, null, null, "Jobindsats did not answer within "
                        + (readTimeoutMillis % 1000 == 0 ? Long.toString(readTimeoutMillis / 1000)
                                : String.format(java.util.Locale.ROOT, "%.1f", readTimeoutMillis / 1000.0))
                        + " s; nothing was stored. The next run tries "
                        + "again; a large selection may need a longer quarkus.rest-client.jobindsats.read-timeout.");
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new JobindsatsException(0, null, null, "Jobindsats could not be reached"
                + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")") + "; nothing was stored.");
    }
}
