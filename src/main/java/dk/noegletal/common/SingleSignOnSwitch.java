package dk.noegletal.common;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Single sign-on (Quarkus OIDC bearer tokens) is on exactly when an issuer is configured
 * ({@code NOEGLETAL_OIDC_ISSUER}, i.e. {@code quarkus.oidc.auth-server-url}). Without one the OIDC tenant is off, so
 * the service starts without an identity provider and makes no outbound call; Quarkus would otherwise refuse to
 * start. An explicit {@code quarkus.oidc.tenant-enabled} still wins.
 */
@Priority(Priorities.APPLICATION)
public class SingleSignOnSwitch implements ConfigSourceInterceptor {

    static final String TENANT_ENABLED = "quarkus.oidc.tenant-enabled";
    static final String ISSUER = "quarkus.oidc.auth-server-url";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!TENANT_ENABLED.equals(name) || isExplicit(value)) {
            return value;
        }
        ConfigValue issuer = context.proceed(ISSUER);
        boolean configured = issuer != null && issuer.getValue() != null && !issuer.getValue().isBlank();
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(configured)).build();
    }

    /** Set by the user, not the extension's default (whose source has the lowest ordinal). */
    private static boolean isExplicit(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }
}
