package org.toxwatch.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (401) any request whose {@code Authorization} header uses a scheme this service does not verify:
 * Basic in the local run, Bearer with JWTs. Otherwise a header nobody checks ({@code Bearer junk} in the local
 * run) would ride on the browser's session, and it would also have exempted that request from CSRF. With this
 * filter in front, a request that carries the verified scheme either authenticates by it or is refused, so
 * exempting exactly those requests from CSRF exempts only requests with valid credentials.
 */
final class AuthorizationSchemeFilter extends OncePerRequestFilter {

    private final String scheme;

    /** @param scheme {@code Basic} or {@code Bearer} */
    AuthorizationSchemeFilter(String scheme) {
        this.scheme = scheme;
    }

    /** Whether the request carries credentials of the verified scheme (valid or not: the scheme's filter decides). */
    boolean carriesVerifiedScheme(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && startsWithScheme(header.trim());
    }

    private boolean startsWithScheme(String header) {
        return header.length() > scheme.length() + 1
                && header.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null && !carriesVerifiedScheme(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, scheme + " realm=\"ToxWatch\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    static String schemeOf(ToxWatchSecurityProperties.Mode mode) {
        return mode == ToxWatchSecurityProperties.Mode.JWT ? "Bearer" : "Basic";
    }

    @Override
    public String toString() {
        return "AuthorizationSchemeFilter[" + scheme.toLowerCase(Locale.ROOT) + "]";
    }
}
