package dk.noegletal.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ways an editor can sign in here: HTTP Basic as a configured user with a password, and single sign-on with an
 * identity provider's bearer token. The 401 answer and the start-up log say which are open, so that an installation
 * where no one can write says so instead of only refusing.
 */
@ApplicationScoped
class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class);

    private final boolean basic;
    private final boolean singleSignOn;

    SignIn(NoegletalConfig config, @ConfigProperty(name = SingleSignOnSwitch.TENANT_ENABLED) boolean singleSignOn) {
        this.basic = config.security().users().values().stream().anyMatch(user -> user.password().isPresent()
                && user.roles().orElse(List.of()).contains("editor"));
        this.singleSignOn = singleSignOn;
    }

    void sayWhoMayWrite(@Observes StartupEvent event) {
        if (!basic && !singleSignOn) {
            LOG.warn("No one can sign in as editor, so imports and cluster changes are refused: set a password with "
                    + "the environment variable NOEGLETAL_EDITOR_PASSWORD (user name: editor), or an identity "
                    + "provider with NOEGLETAL_OIDC_ISSUER, and restart.");
        }
    }

    /** What a client that is not signed in (or not validly) is told to do. */
    String howToSignIn() {
        if (basic && singleSignOn) {
            return "Sign in as a user with the role editor (HTTP Basic, or a bearer token of the identity provider) "
                    + "to change data.";
        }
        if (basic) {
            return "Sign in as a user with the role editor (HTTP Basic) to change data.";
        }
        if (singleSignOn) {
            return "Sign in with a bearer token of the identity provider carrying the role editor to change data.";
        }
        return "No one can change data here yet: neither an editor password (NOEGLETAL_EDITOR_PASSWORD) nor an "
                + "identity provider (NOEGLETAL_OIDC_ISSUER) is configured; the administrator must set one and "
                + "restart the service.";
    }

    /** The WWW-Authenticate challenges of a 401 answer. */
    List<String> challenges() {
        return singleSignOn ? List.of("Basic realm=\"noegletal\"", "Bearer") : List.of("Basic realm=\"noegletal\"");
    }
}
