package org.toxwatch.alerting.console.adapter.web;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in to the console, and the CSRF token its POSTs must carry: the platform keeps CSRF protection
 * for browser sessions, and a static page has no server-rendered form to carry the token.
 */
@RestController
class ConsoleSessionController {

    @GetMapping("/api/v1/console/session")
    ConsoleSession session(Authentication user, CsrfToken csrf) {
        return new ConsoleSession(
                user.getName(),
                user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList(),
                csrf.getHeaderName(),
                csrf.getParameterName(),
                csrf.getToken());
    }

    record ConsoleSession(String user, List<String> roles, String csrfHeader, String csrfParameter, String csrfToken) {}
}
