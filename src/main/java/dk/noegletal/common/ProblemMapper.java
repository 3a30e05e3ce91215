package dk.noegletal.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become {@code application/problem+json}; no class names or stack traces leave it. */
class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final SignIn signIn;

    ProblemMapper(SignIn signIn) {
        this.signIn = signIn;
    }

    @ServerExceptionMapper
    Response mapProblem(ProblemException e) {
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(respond(e.problem()))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return respond(e.problem());
    }

    /** No or wrong credentials: the client is told how it can sign in here, or that no one can. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response mapUnauthenticated() {
        Response.ResponseBuilder response = Response.fromResponse(respond(new Problem(
                ProblemException.type("unauthorized"), "Unauthorized", 401, signIn.howToSignIn())));
        signIn.challenges().forEach(challenge -> response.header(HttpHeaders.WWW_AUTHENTICATE, challenge));
        return response.build();
    }

    @ServerExceptionMapper
    Response mapForbidden(ForbiddenException e) {
        return respond(new Problem(ProblemException.type("forbidden"), "Forbidden", 403,
                "This user may read but not change data; changes need the role editor."));
    }

    @ServerExceptionMapper
    Response mapValidation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ProblemMapper::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(new Problem(ProblemException.type("invalid-parameter"), "Invalid request parameter",
                400, detail));
    }

    @ServerExceptionMapper
    Response mapWebApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        Optional<String> duplicate = DuplicateKeys.in(e.getCause());
        if (status == 400 && duplicate.isPresent()) {
            JsonLocation at = ((JsonProcessingException) e.getCause()).getLocation();
            return respond(new Problem(ProblemException.type("invalid-body"), "Invalid request body", 400,
                    "The key '" + duplicate.get() + "' appears twice in one object" + (at == null ? "" : " (line "
                            + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            + "; each key may appear only once."));
        }
        return respond(clientError(status));
    }

    /**
     * Everything else, also an Error such as OutOfMemoryError or StackOverflowError: the request failed, the service
     * did not, and the client gets a problem like any other rather than the HTTP layer's own page.
     */
    @ServerExceptionMapper
    Response mapUnexpected(Throwable e) {
        return unexpected(e);
    }

    private static Response unexpected(Throwable e) {
        return respond(internalError(e));
    }

    /** A 4xx the HTTP layer decided (no such address, method or media type), as a problem. */
    static Problem clientError(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Client error" : known.getReasonPhrase();
        return new Problem(ProblemException.type("http-" + status), reason, status, sentenceFor(status));
    }

    /** Logs the failure under a new incident id, which is all the client is told about it. */
    static Problem internalError(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return new Problem(ProblemException.type("internal-error"), "Internal error", 500,
                "The service failed to answer this request; the incident is logged as " + incident + ".");
    }

    private static String sentenceFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 414 -> "The address is too long.";
            case 415 -> "This address does not accept a body of that media type.";
            default -> "The request was refused.";
        };
    }

    /**
     * A value the client sent, fit to quote in a detail: control characters shown as '?', and at most 100
     * characters, so that a problem never carries the whole of a long or hostile header back.
     */
    static String printable(String value) {
        String shown = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String parameter = path.substring(path.lastIndexOf('.') + 1);
        return parameter + ": " + violation.getMessage();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
