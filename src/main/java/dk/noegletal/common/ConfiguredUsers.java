package dk.noegletal.common;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks HTTP Basic credentials against the users of the configuration (noegletal.security.users). Quarkus'
 * security does the rest: the Basic mechanism, the path policies (writes need the role editor) and the identity.
 */
@ApplicationScoped
class ConfiguredUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final NoegletalConfig config;

    ConfiguredUsers(NoegletalConfig config) {
        this.config = config;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        NoegletalConfig.User user = config.security().users().get(request.getUsername());
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so that the answer's timing says nothing about the password.
        if (user == null || user.password().isEmpty()
                || !MessageDigest.isEqual(user.password().get().getBytes(StandardCharsets.UTF_8), given)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(request.getUsername()))
                .addRoles(java.util.Set.copyOf(user.roles().orElse(List.of())))
                .build());
    }
}
