package dk.noegletal.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.common.SecondTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers a read whose ETag was answered before with the same bytes (cache "responses", bounded by the share of the
 * heap its answers may hold, noegletal.computations.answers-heap-percent). The ETag is derived from
 * everything a response depends on (the count of writes, the revision read, the URL and Accept; see
 * {@link ConditionalGetFilters}), so an answer kept under it is the answer: nothing needs invalidating, and an
 * import, a cluster change or another instance's import leads to new tags. Only when reads are open to anyone,
 * since a kept answer is given before the resource's own checks run.
 * <p>
 * An answer is kept the second time it is computed under its tag, not the first (see {@link SecondTime}; the tags of
 * the last {@link #REMEMBERED} computed answers are remembered).
 */
@ApplicationScoped
public class ResponseCache {

    /** Answers larger than this are not kept. */
    static final int LARGEST_KEPT = 256 * 1024;

    /** A kept answer: its body, and its headers but for ETag and Cache-Control, which the filters set. */
    record Kept(byte[] body, Map<String, List<String>> headers) {
    }

    /** What a kept answer holds beside its body: its headers and the entry itself, roughly. */
    private static final int OVERHEAD_BYTES = 512;

    /** How many computed answers' tags are remembered (a power of two), whose second computation is kept. */
    static final int REMEMBERED = 1 << 14;

    private final Cache<String, Kept> kept;
    private final SecondTime computed = new SecondTime(REMEMBERED);
    private final boolean enabled;

    ResponseCache(NoegletalConfig config, MeterRegistry registry) {
        long budget = Runtime.getRuntime().maxMemory() / 100 * config.computations().answersHeapPercent();
        this.kept = Caffeine.newBuilder().maximumWeight(budget)
                .weigher((String tag, Kept answer) -> answer.body().length + OVERHEAD_BYTES)
                .expireAfterAccess(Duration.ofHours(1)).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, kept, "responses");
        this.enabled = "permit".equals(config.security().reads());
    }

    Optional<Response.ResponseBuilder> answer(EntityTag tag) {
        if (!enabled) {
            return Optional.empty();
        }
        Kept answer = kept.getIfPresent(tag.getValue());
        if (answer == null) {
            return Optional.empty();
        }
        Response.ResponseBuilder response = Response.ok(answer.body());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return Optional.of(response);
    }

    /** Whether an answer just computed under this tag is to be kept: when it was computed before (see class). */
    boolean computedBefore(EntityTag tag) {
        return enabled && computed.noted(tag.getValue());
    }

    void keep(EntityTag tag, byte[] body, MultivaluedMap<String, Object> headers) {
        if (!enabled) {
            return;
        }
        Map<String, List<String>> copied = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.ETAG) && !name.equalsIgnoreCase(HttpHeaders.CACHE_CONTROL)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                copied.put(name, values.stream().map(String::valueOf).toList());
            }
        });
        kept.put(tag.getValue(), new Kept(body, copied));
    }
}
