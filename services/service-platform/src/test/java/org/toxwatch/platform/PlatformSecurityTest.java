package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class PlatformSecurityTest {

    private static Jwt tokenWith(String claim, Object value) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("dr.house")
                .claim(claim, value)
                .issuedAt(Instant.parse("2026-11-20T08:00:00Z"))
                .expiresAt(Instant.parse("2026-11-20T09:00:00Z"))
                .build();
    }

    /** Spring Security 7 adds factor authorities (FACTOR_BEARER); ToxWatch authorizes by role only. */
    private static List<String> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .toList();
    }

    @Test
    void rolesInTheConfiguredClaimBecomeSpringRoles() {
        var authentication =
                PlatformSecurity.rolesFrom("roles").convert(tokenWith("roles", List.of("CLINICIAN", "OPERATOR")));

        assertThat(roles(authentication.getAuthorities())).containsExactlyInAnyOrder("ROLE_CLINICIAN", "ROLE_OPERATOR");
        assertThat(authentication.getName()).isEqualTo("dr.house");
    }

    @Test
    void aTokenWithoutTheClaimGetsNoRole() {
        var authentication = PlatformSecurity.rolesFrom("roles").convert(tokenWith("groups", List.of("CLINICIAN")));

        assertThat(roles(authentication.getAuthorities())).isEmpty();
    }
}
