package dk.noegletal.read;

import dk.noegletal.common.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GET for every read of the API. A response depends only on the data (the count of writes and the
 * revision read) and on the request (path, query, Accept), so its ETag is known before anything is computed, and
 * a client that has it gets 304 at the cost of one small query. An answer given before under the same tag is
 * given again from {@link ResponseCache}. That holds for {@code period=latest} too: the period it names moves only
 * when the data change, and so does the tag ({@link LatestPeriodService}).
 */
class ConditionalGetFilters {

    private static final String TAG_PROPERTY = "noegletal.etag";
    private static final String ANSWERED_FROM_CACHE = "noegletal.answered-from-cache";
    /** Clients may keep a response but must ask again (cheaply, with If-None-Match) before using it. */
    private static final String CACHE_CONTROL = "no-cache";

    /**
     * RFC 9110: {@code "*" / #entity-tag}, an entity tag being an optional W/ and a quoted string of visible
     * characters other than the double quote. A tag not in that form could never match, so the client would be
     * sent the whole answer every time without knowing why; it is told instead. Header values reach us as Latin-1
     * characters, so obs-text is \x80-\xFF.
     */
    private static final String ENTITY_TAG = "(?:W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"";
    private static final Pattern IF_NONE_MATCH = Pattern.compile(
            "[ \\t]*(?:\\*|(?:" + ENTITY_TAG + ")?(?:[ \\t]*,[ \\t]*(?:" + ENTITY_TAG + ")?)*)[ \\t]*");

    private final ReadRevision revision;
    private final ResponseCache responses;

    ConditionalGetFilters(ReadRevision revision, ResponseCache responses) {
        this.revision = revision;
        this.responses = responses;
    }

    /**
     * Reads whose answers change without a write to the data: the subscriptions to Jobindsats and their runs (a pull
     * that stores nothing still records its run). They are answered afresh every time.
     */
    private static final Pattern LIVE = Pattern.compile("/api/v1/syncs(/.*)?");

    @ServerRequestFilter(priority = AsOfFilter.PRIORITY + 100)
    Response answerNotModified(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!"GET".equals(request.getMethod()) || !path.startsWith("/api/") || LIVE.matcher(path).matches()) {
            return null;
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && !IF_NONE_MATCH.matcher(ifNoneMatch).matches()) {
            throw ProblemException.badRequest("invalid-if-none-match", "Invalid If-None-Match header",
                    "If-None-Match must be * or entity tags as the ETag header gives them, such as \"Y1DfMysyd6DN\" "
                            + "in double quotes, comma-separated; this one cannot be read.");
        }
        EntityTag tag = tag(request);
        request.setProperty(TAG_PROPERTY, tag);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(tag.toString())
                        || candidate.equals("W/" + tag))) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return responses.answer(tag).map(answer -> {
            request.setProperty(ANSWERED_FROM_CACHE, Boolean.TRUE);
            return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }).orElse(null);
    }

    @ServerResponseFilter
    void tagResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(TAG_PROPERTY);
        if (tag != null && response.getStatus() == Response.Status.OK.getStatusCode()) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            if (request.getProperty(ANSWERED_FROM_CACHE) == null && responses.computedBefore((EntityTag) tag)) {
                request.setProperty(ResponseCapture.KEEP_PROPERTY, tag);
            }
        }
    }

    private EntityTag tag(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String identity = revision.dataVersion() + "|" + revision.get() + "|" + request.getUriInfo().getRequestUri()
                .getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery() + "|" + accept;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
