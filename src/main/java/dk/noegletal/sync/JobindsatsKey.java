package dk.noegletal.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import dk.noegletal.common.NoegletalConfig;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The organisation's Jobindsats key, from the environment ({@code NOEGLETAL_JOBINDSATS_KEY}), sent as a bearer token
 * and nowhere else: it is never logged, never part of an answer, a request as recorded, or an error sentence.
 */
@ApplicationScoped
class JobindsatsKey implements ClientHeadersFactory {

    private final Optional<String> key;

    JobindsatsKey(NoegletalConfig config) {
        this.key = config.jobindsats().key().map(String::trim).filter(text -> !text.isEmpty());
    }

    boolean configured() {
        return key.isPresent();
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        key.ifPresent(value -> headers.putSingle("Authorization", "Bearer " + value));
        return headers;
    }

    @Override
    public String toString() {
        return "JobindsatsKey[" + (key.isPresent() ? "set" : "not set") + "]";
    }
}
