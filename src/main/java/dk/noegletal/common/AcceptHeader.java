package dk.noegletal.common;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Reads the Accept header before content negotiation does, so that a header that is not a list of media ranges is a
 * 400 with a sentence rather than a failure deep in the negotiation (a 500 for an empty header) or a silent guess,
 * and hands the negotiation the header in a form it does not misread.
 * <p>
 * The grammar is RFC 9110's: {@code Accept = #( media-range [ weight ] )}, where the list may be empty. A header
 * that holds no media range at all (empty, blanks or only commas) names nothing, and RFC 9110 (12.5.1) lets a
 * server answer as if the request were not negotiated, so it is treated like a missing header: any type, which is
 * JSON; a 406 would refuse clients that send the field empty by accident, for no gain. A weight must be a qvalue
 * from 0 to 1 with at most three decimals.
 */
class AcceptHeader {

    /** After ExportFilters (priority USER), which turns {@code ?format=} into this header: the parameter wins. */
    static final int PRIORITY = Priorities.USER + 100;

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern PARAMETER =
            Pattern.compile("[ \\t]*;[ \\t]*(?:(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + "))?");
    private static final Pattern MEDIA_RANGE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")");
    private static final Pattern QVALUE = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");

    @ServerRequestFilter(preMatching = true, priority = PRIORITY)
    void readAccept(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null) {
            String normalised = normalised(accept);
            if (!normalised.equals(accept)) {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, normalised);
            }
        }
    }

    /**
     * The negotiation copies the weight of the chosen range into the answer ("application/json;charset=UTF-8;q=1"),
     * where it means nothing and confuses strict clients.
     */
    @ServerResponseFilter
    void dropWeight(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.getParameters().keySet().stream().anyMatch("q"::equalsIgnoreCase)) {
            Map<String, String> parameters = new LinkedHashMap<>(type.getParameters());
            parameters.keySet().removeIf("q"::equalsIgnoreCase);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    new MediaType(type.getType(), type.getSubtype(), parameters));
        }
    }

    /**
     * The header as the content negotiation reads it without fault: each media range with its parameters and no
     * blanks around ';' and '=' (the negotiation misreads "text/csv ; q=0.9", which RFC 9110 allows), empty list
     * elements left out, and {@code *}{@code /*} for a header that names nothing.
     *
     * @throws ProblemException when the header is not a list of media ranges
     */
    static String normalised(String accept) {
        List<String> ranges = new ArrayList<>();
        for (String element : accept.split(",", -1)) {
            String range = element.strip();
            if (!range.isEmpty()) {
                ranges.add(range(range, accept));
            }
        }
        return ranges.isEmpty() ? "*/*" : String.join(", ", ranges);
    }

    private static String range(String range, String accept) {
        int parameters = range.indexOf(';');
        String type = (parameters < 0 ? range : range.substring(0, parameters)).strip();
        if (!MEDIA_RANGE.matcher(type).matches()) {
            throw invalid(accept, "'" + ProblemMapper.printable(type) + "' is not a media type such as text/csv");
        }
        StringBuilder normalised = new StringBuilder(type);
        if (parameters < 0) {
            return normalised.toString();
        }
        Matcher parameter = PARAMETER.matcher(range);
        int at = parameters;
        while (at < range.length() && parameter.find(at) && parameter.start() == at) {
            String name = parameter.group(1);
            String value = parameter.group(2);
            if ("q".equalsIgnoreCase(name) && !QVALUE.matcher(value).matches()) {
                throw invalid(accept, "the weight q=" + value + " of " + type + " is not a number from 0 to 1");
            }
            if (name != null) {
                normalised.append(';').append(name).append('=').append(value);
            }
            at = parameter.end();
        }
        if (at < range.length()) {
            throw invalid(accept, "the parameters of " + type + " are not name=value pairs");
        }
        return normalised.toString();
    }

    private static ProblemException invalid(String accept, String reason) {
        return ProblemException.badRequest("invalid-accept", "Invalid Accept header", "The Accept header '"
                + ProblemMapper.printable(accept) + "' cannot be read: " + reason + ". Ask for application/json or "
                + "text/csv, or leave the header out.");
    }
}
