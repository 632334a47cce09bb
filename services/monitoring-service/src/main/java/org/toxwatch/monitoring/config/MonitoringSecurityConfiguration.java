package org.toxwatch.monitoring.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.toxwatch.platform.PlatformSecurity;
import org.toxwatch.platform.Roles;
import org.toxwatch.platform.ToxWatchSecurityProperties;

/**
 * Monitoring's row of the role matrix (README, "Security"; checked route by route by RoleMatrixIT): assessments
 * and the grade calculator are clinical, for clinicians only. Anything not named is refused.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringSecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ToxWatchSecurityProperties security) {
        return PlatformSecurity.filterChain(
                http,
                security,
                rules -> rules.requestMatchers(HttpMethod.GET, "/api/v1/patients/**")
                        .hasRole(Roles.CLINICIAN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/grade")
                        .hasRole(Roles.CLINICIAN));
    }
}
