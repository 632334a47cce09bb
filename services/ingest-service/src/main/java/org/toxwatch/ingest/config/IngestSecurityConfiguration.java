package org.toxwatch.ingest.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.toxwatch.platform.PlatformSecurity;
import org.toxwatch.platform.Roles;
import org.toxwatch.platform.ToxWatchSecurityProperties;

/**
 * Ingest's row of the role matrix (README, "Security"; checked route by route by RoleMatrixIT): interface engines
 * post data and read nothing back; operators handle rejects and local-code mappings; clinicians have no business
 * here. Anything not named is refused.
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ToxWatchSecurityProperties security) {
        return PlatformSecurity.filterChain(
                http,
                security,
                rules -> rules
                        // Rejects hold raw messages, and a mapping changes how every later result is coded.
                        .requestMatchers("/api/v1/rejects", "/api/v1/rejects/**", "/api/v1/local-codes/**")
                        .hasRole(Roles.OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/**", "/fhir", "/fhir/**")
                        .hasRole(Roles.INTEGRATION)
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata")
                        .hasRole(Roles.INTEGRATION));
    }
}
