package dk.noegletal.common;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** A failure with a sentence meant for the caller; mapped to problem details by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    /** When to ask again, in seconds, for a problem that passes (503); else null. */
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A problem with its retry hint, if any, kept. */
    public static ProblemException of(Problem problem, Integer retryAfterSeconds) {
        return new ProblemException(problem, retryAfterSeconds);
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The service has no room for this request now; the client may send it again after the given seconds. */
    public static ProblemException busy(String detail, int retryAfterSeconds) {
        return new ProblemException(new Problem(type("busy"), "Busy", Status.SERVICE_UNAVAILABLE.getStatusCode(),
                detail), retryAfterSeconds);
    }

    public static ProblemException notFound(String detail) {
        return of(Status.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return of(Status.BAD_REQUEST, slug, title, detail);
    }

    /** A query or path parameter that is missing or malformed; the detail says which and what is accepted. */
    public static ProblemException invalidParameter(String detail) {
        return badRequest("invalid-parameter", "Invalid request parameter", detail);
    }

    public static ProblemException invalidImport(String detail, int errorCount, List<RowError> errors) {
        return new ProblemException(new Problem(type("invalid-import"), "The import was rejected",
                Status.BAD_REQUEST.getStatusCode(), detail, errorCount, errors));
    }

    private static ProblemException of(Status status, String slug, String title, String detail) {
        return new ProblemException(new Problem(type(slug), title, status.getStatusCode(), detail));
    }

    public static String type(String slug) {
        return "urn:noegletal:problem:" + slug;
    }
}
