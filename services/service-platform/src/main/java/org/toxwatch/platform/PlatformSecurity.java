package org.toxwatch.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security baseline of every service: only health, info and Prometheus are open; every other route needs the
 * role the service's rules give it, and a route the rules do not name is refused to everyone (least privilege: a
 * new endpoint is closed until the role matrix names it). Local runs use HTTP Basic and form login, throttled per
 * account and source address; production uses JWTs from the configured issuer.
 */
public final class PlatformSecurity {

    private static final String[] OPEN_ENDPOINTS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
    };

    /**
     * Scripts, styles and connections from the service itself only; no inline script, no framing, no plugins.
     * The console's pages load their scripts and styles from files, so this costs it nothing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Builds the filter chain.
     *
     * @param rules the service's request-to-role rules (its row of the role matrix); what they do not name is
     *     denied
     */
    public static SecurityFilterChain filterChain(
            HttpSecurity http,
            ToxWatchSecurityProperties properties,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
                    rules) {
        http.authorizeHttpRequests(authorize -> {
            // An error page is rendered for a request that was already authorized (or refused) as itself.
            authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
            authorize.requestMatchers(OPEN_ENDPOINTS).permitAll();
            authorize.requestMatchers("/actuator", "/actuator/**").hasRole(Roles.OPERATOR);
            // The API description is not clinical; every role may read how to call the service.
            authorize
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                    .hasAnyRole(Roles.INTEGRATION, Roles.CLINICIAN, Roles.OPERATOR);
            // How the service is configured is for those who run it (SettingsChangesController).
            authorize
                    .requestMatchers(HttpMethod.GET, SettingsChangesController.PATH)
                    .hasRole(Roles.OPERATOR);
            rules.customize(authorize);
            authorize.anyRequest().denyAll();
        });
        var scheme = new AuthorizationSchemeFilter(AuthorizationSchemeFilter.schemeOf(properties.mode()));
        http.addFilterBefore(scheme, CsrfFilter.class);
        http.securityContext(context -> context.securityContextRepository(
                new CredentialsBeforeSessionRepository(scheme::carriesVerifiedScheme)));
        // Machine clients authenticate every request by the verified scheme and carry no session cookie, so CSRF
        // cannot touch them; the scheme filter has already refused any other Authorization header, so such a
        // request either authenticates by its credentials or is refused. Browser sessions always need the token.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(scheme::carriesVerifiedScheme));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()));
        if (properties.mode() == ToxWatchSecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(
                    server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(properties.rolesClaim()))));
        } else {
            http.authenticationManager(throttledPasswords(http.getSharedObject(ApplicationContext.class)));
            http.httpBasic(Customizer.withDefaults());
            http.formLogin(Customizer.withDefaults());
        }
        return http.build();
    }

    private static ThrottledAuthenticationManager throttledPasswords(ApplicationContext context) {
        var users = context.getBean(UserDetailsService.class);
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(context.getBean(PasswordEncoder.class));
        var remembered = new RememberedPasswordCheck(
                new ProviderManager(passwords),
                users,
                new VerifiedCredentials(Clock.systemUTC(), VerifiedCredentials.TIME_TO_LIVE));
        return new ThrottledAuthenticationManager(
                remembered,
                context.getBean(LoginThrottle.class),
                context.getBeanProvider(MeterRegistry.class).getIfAvailable(SimpleMeterRegistry::new));
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
