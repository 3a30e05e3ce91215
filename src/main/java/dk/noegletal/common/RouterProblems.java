package dk.noegletal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problems for requests that fail outside JAX-RS, on the Vert.x router that carries every request (the API, /q/
 * and anything a handler there throws, Errors included): an address that cannot be read one way is refused first,
 * and a failure that would reach Quarkus' own error page is answered as {@code application/problem+json}, logged
 * with an incident id when it is the service's fault.
 */
@ApplicationScoped
class RouterProblems {

    private final ObjectMapper mapper;

    RouterProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkAddress);
        // Just before Quarkus' error handler (the last route), so that the failure handlers of extensions still
        // answer what is theirs first.
        router.route().order(Integer.MAX_VALUE - 1).failureHandler(this::answerFailure);
    }

    /**
     * An address whose escapes are broken or not UTF-8, or that java.net.URI cannot parse, is refused before anything
     * decodes it. (The last is the check Quarkus' HTTP layer makes with an empty 400, switched off for this one by
     * dk.noegletal.Main.)
     */
    private void checkAddress(RoutingContext context) {
        String path = context.request().path();
        String query = context.request().query();
        String problem = path == null ? null : PercentEncoding.problemIn(path);
        if (problem == null && query != null) {
            problem = PercentEncoding.problemIn(query);
        }
        if (problem == null) {
            problem = PercentEncoding.syntaxProblemIn(context.request().uri());
        }
        if (problem == null) {
            context.next();
        } else {
            send(context.response(), new Problem(ProblemException.type("invalid-address"), "Invalid address", 400,
                    "The address cannot be read: " + problem + ". Write it in UTF-8 with %-escapes, such as %C3%B8 "
                            + "for ø."));
        }
    }

    private void answerFailure(RoutingContext context) {
        Throwable failure = context.failure();
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.closed() || isSecurity(failure)) {
            // Too late for an answer of our own (Quarkus closes the connection), or a sign-in failure, which
            // Quarkus answers with its challenge.
            context.next();
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        Problem problem = status >= 400 && status < 500
                ? ProblemMapper.clientError(status)
                : ProblemMapper.internalError(failure != null ? failure
                        : new IllegalStateException("Request failed with status " + status));
        send(response, problem);
    }

    private static boolean isSecurity(Throwable failure) {
        return failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || failure instanceof ForbiddenException;
    }

    void send(HttpServerResponse response, Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is a record of strings and numbers", e);
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
