package org.toxwatch.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users authenticate.
 *
 * @param mode {@code LOCAL}: HTTP Basic and form login with the bootstrap users; {@code JWT}: OAuth2 resource
 *     server, tokens from the issuer in {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * @param credentialsFile where generated local passwords are kept
 * @param rolesClaim the JWT claim listing the user's ToxWatch roles
 */
@ConfigurationProperties("toxwatch.security")
public record ToxWatchSecurityProperties(
        @Nullable Mode mode,
        @Nullable Path credentialsFile,
        @Nullable String rolesClaim) {

    public enum Mode {
        LOCAL,
        JWT
    }

    public ToxWatchSecurityProperties {
        mode = mode == null ? Mode.LOCAL : mode;
        credentialsFile = credentialsFile == null ? Path.of("data", "bootstrap-credentials") : credentialsFile;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    }
}
