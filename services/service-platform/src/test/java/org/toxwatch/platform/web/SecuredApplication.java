package org.toxwatch.platform.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.platform.PlatformSecurity;
import org.toxwatch.platform.Roles;
import org.toxwatch.platform.ToxWatchSecurityProperties;

/** A service with the platform's security and two routes: clinicians may read and post, nobody else. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecuredApplication.Routes.class)
class SecuredApplication {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ToxWatchSecurityProperties security) {
        return PlatformSecurity.filterChain(
                http, security, rules -> rules.requestMatchers("/api/**").hasRole(Roles.CLINICIAN));
    }

    @RestController
    static class Routes {

        @GetMapping("/api/things")
        String things() {
            return "things";
        }

        @PostMapping("/api/things")
        String acknowledge() {
            return "acknowledged";
        }

        @GetMapping("/api/csrf")
        String csrf(CsrfToken token) {
            return token.getToken();
        }
    }
}
