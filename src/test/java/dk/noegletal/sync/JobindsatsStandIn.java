package dk.noegletal.sync;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A local HTTP server that answers like the Jobindsats API v3 (WireMock; each test sets its answers), and the
 * service configured to pull from it with a test key.
 */
public class JobindsatsStandIn implements QuarkusTestResourceLifecycleManager {

    /** The organisation's key in the tests: it must reach Jobindsats in a header and nowhere else. */
    static final String KEY = "jbi-test-key-7f3c9a1e5b0d";

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("quarkus.rest-client.jobindsats.url", server.baseUrl() + "/v3",
                "noegletal.jobindsats.key", KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
