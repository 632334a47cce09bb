package org.toxwatch.alerting.infrastructure.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.toxwatch.platform.PlatformSecurity;
import org.toxwatch.platform.Roles;
import org.toxwatch.platform.ToxWatchSecurityProperties;

/**
 * Alerting's row of the role matrix (README, "Security"; checked route by route by RoleMatrixIT): clinicians read
 * and act on alerts (acknowledge, snooze, assign, resolve); operators run the service (webhook subscriptions,
 * grading status) and do not act on alerts; interface engines have nothing to read here. Anything not named is
 * refused.
 */
@Configuration(proxyBeanMethods = false)
class AlertingSecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ToxWatchSecurityProperties security) {
        return PlatformSecurity.filterChain(
                http,
                security,
                rules -> rules
                        // Webhook subscriptions decide where patient alerts are sent.
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
                        .hasRole(Roles.OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/alerts", "/api/v1/alerts/**", "/api/v1/patients/**")
                        .hasRole(Roles.CLINICIAN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/alerts/**")
                        .hasRole(Roles.CLINICIAN)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/grading/status",
                                "/api/v1/charting/status",
                                "/api/v1/console/session")
                        .hasAnyRole(Roles.CLINICIAN, Roles.OPERATOR)
                        // The console's pages and scripts hold no data; what they fetch is authorized route by route.
                        .requestMatchers(HttpMethod.GET, "/", "/console", "/console/**")
                        .hasAnyRole(Roles.CLINICIAN, Roles.OPERATOR));
    }
}
