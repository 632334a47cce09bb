package org.toxwatch.platform;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security baseline of every service: only health, info and Prometheus are open; everything else needs
 * an authenticated user with the role the service's rules demand. Local runs use HTTP Basic and form login;
 * production uses JWTs from the configured issuer.
 */
public final class PlatformSecurity {

    private static final String[] OPEN_ENDPOINTS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
    };

    /**
     * Builds the filter chain.
     *
     * @param rules the service's own request-to-role rules; everything they do not name needs any role
     */
    public static SecurityFilterChain filterChain(
            HttpSecurity http,
            ToxWatchSecurityProperties properties,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
                    rules) {
        http.authorizeHttpRequests(authorize -> {
            authorize.requestMatchers(OPEN_ENDPOINTS).permitAll();
            rules.customize(authorize);
            authorize.anyRequest().authenticated();
        });
        // Machine clients send credentials with every request and carry no session cookie, so CSRF cannot
        // touch them; browser sessions (the clinician console) keep CSRF protection.
        http.csrf(
                csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null));
        if (properties.mode() == ToxWatchSecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(
                    server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(properties.rolesClaim()))));
        } else {
            http.httpBasic(Customizer.withDefaults());
            http.formLogin(Customizer.withDefaults());
        }
        return http.build();
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<String> roles = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
            return roles.stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
        });
        return converter;
    }

    private PlatformSecurity() {}
}
