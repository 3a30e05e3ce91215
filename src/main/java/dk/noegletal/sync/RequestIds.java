package dk.noegletal.sync;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** Jobindsats' id of a request, as a response header carries it (the JSON body of an error carries it too). */
final class RequestIds {

    private static final List<String> HEADERS = List.of("request-id", "x-request-id", "request_id");

    private RequestIds() {
    }

    static String of(MultivaluedMap<String, ?> headers) {
        if (headers == null) {
            return null;
        }
        for (String name : headers.keySet()) {
            if (name != null && HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                Object value = headers.getFirst(name);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString().strip();
                }
            }
        }
        return null;
    }
}
