package dk.noegletal;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service as Quarkus' own main would, with one change: the address check of Quarkus' HTTP layer, which
 * answers an address java.net.URI cannot parse (such as /api/v1/areas/%zz) with an empty 400 before any route, is
 * left to the service's own check (RouterProblems), which refuses the same addresses with a problem that says
 * what is wrong. The JVM option is the only switch Quarkus has for it and is read once, when Quarkus' HTTP classes
 * load, so it is set here, before Quarkus starts; dev mode and the tests set it in the pom.
 */
@QuarkusMain
public final class Main {

    /** Read by Quarkus' VertxHttpRecorder; "true" skips its check of the request line. */
    private static final String OWN_ADDRESS_CHECK = "vertx.disableURIValidation";

    private Main() {
    }

    public static void main(String... args) {
        System.setProperty(OWN_ADDRESS_CHECK, "true");
        Quarkus.run(args);
    }
}
