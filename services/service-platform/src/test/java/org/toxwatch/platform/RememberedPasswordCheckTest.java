package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.toxwatch.platform.LoginThrottleTest.MutableClock;

/**
 * HTTP Basic sends the password with every request; a recent successful check of exactly the same name and
 * password answers it without BCrypt, and nothing else does.
 */
class RememberedPasswordCheckTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final Duration LOCK_FOR = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
    private final CountingEncoder encoder = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private VerifiedCredentials verified;
    private ThrottledAuthenticationManager signIn;

    RememberedPasswordCheckTest() {
        users.createUser(User.withUsername("integration")
                .password(encoder.encode(PASSWORD))
                .roles(Roles.INTEGRATION)
                .build());
        rememberingFor(VerifiedCredentials.TIME_TO_LIVE);
    }

    private void rememberingFor(Duration timeToLive) {
        verified = new VerifiedCredentials(clock, timeToLive);
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        var throttle = new LoginThrottle(
                new LoginThrottleProperties(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 20, LOCK_FOR), clock);
        signIn = new ThrottledAuthenticationManager(
                new RememberedPasswordCheck(new ProviderManager(dao), users, verified),
                throttle,
                new SimpleMeterRegistry());
    }

    @Test
    void theSameNameAndPasswordAgainAreAnsweredWithoutCheckingThePasswordAgain() {
        Authentication first = signIn.authenticate(attempt("integration", PASSWORD));
        Authentication second = signIn.authenticate(attempt("integration", PASSWORD));

        assertThat(encoder.matches).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("integration");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsCheckedInFullEveryTimeAndNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("integration", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThat(encoder.matches).hasValue(3);
        assertThat(verified.size()).isZero();
    }

    @Test
    void aRememberedCheckDoesNotAnswerAnyOtherPassword() {
        signIn.authenticate(attempt("integration", PASSWORD));

        assertThatThrownBy(() -> signIn.authenticate(attempt("integration", PASSWORD + "x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(attempt("integration", PASSWORD.substring(1))))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches).hasValue(3);
    }

    @Test
    void aCheckIsRememberedForTwoMinutesAndNoLonger() {
        assertThat(VerifiedCredentials.TIME_TO_LIVE).isEqualTo(Duration.ofMinutes(2));
        signIn.authenticate(attempt("integration", PASSWORD));

        clock.advance(VerifiedCredentials.TIME_TO_LIVE.minusNanos(1));
        signIn.authenticate(attempt("integration", PASSWORD));
        assertThat(encoder.matches).as("just inside the two minutes").hasValue(1);

        clock.advance(Duration.ofNanos(1));
        signIn.authenticate(attempt("integration", PASSWORD));
        assertThat(encoder.matches).as("at two minutes").hasValue(2);
    }

    @Test
    void noPasswordIsKeptOnlyAFixedLengthKeyedDigestComparedInConstantTime() throws Exception {
        signIn.authenticate(attempt("integration", PASSWORD));

        List<Object> kept = keptValues();
        assertThat(kept).isNotEmpty();
        byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
        for (Object value : kept) {
            assertThat(String.valueOf(value)).doesNotContain(PASSWORD);
            if (value instanceof byte[] bytes) {
                assertThat(bytes).as("an HMAC-SHA256 tag").hasSize(32);
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .doesNotContain(new String(password, StandardCharsets.ISO_8859_1));
            }
            if (value instanceof Authentication authentication) {
                assertThat(authentication.getCredentials()).isNull();
                assertThat(((User) authentication.getPrincipal()).getPassword())
                        .as("not even the BCrypt hash")
                        .isNull();
            }
        }
        assertThat(verified.tagOf("integration", "a")).hasSize(32);
        assertThat(verified.tagOf("integration", "a".repeat(10_000))).hasSize(32);
    }

    @Test
    void theDigestKeyIsDrawnAtRandomForEachProcess() {
        var other = new VerifiedCredentials(clock, VerifiedCredentials.TIME_TO_LIVE);

        assertThat(other.tagOf("integration", PASSWORD)).isNotEqualTo(verified.tagOf("integration", PASSWORD));
        assertThat(verified.tagOf("integration", PASSWORD)).isEqualTo(verified.tagOf("integration", PASSWORD));
    }

    @Test
    void nameAndPasswordAreDigestedSoThatMovingACharacterAcrossThemChangesTheTag() {
        assertThat(verified.tagOf("integration", "xpassword")).isNotEqualTo(verified.tagOf("integrationx", "password"));
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceThoughItsCheckWasRemembered() {
        signIn.authenticate(attempt("integration", PASSWORD));

        users.updateUser(User.withUserDetails(users.loadUserByUsername("integration"))
                .disabled(true)
                .build());

        assertThatThrownBy(() -> signIn.authenticate(attempt("integration", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(verified.size()).isZero();
    }

    @Test
    void anAccountLockedInTheUserStoreIsRefusedAtOnce() {
        signIn.authenticate(attempt("integration", PASSWORD));

        users.updateUser(User.withUserDetails(users.loadUserByUsername("integration"))
                .accountLocked(true)
                .build());

        assertThatThrownBy(() -> signIn.authenticate(attempt("integration", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void afterAPasswordChangeTheOldPasswordIsRefusedAndTheNewOneChecked() {
        signIn.authenticate(attempt("integration", PASSWORD));

        users.updateUser(User.withUserDetails(users.loadUserByUsername("integration"))
                .password(encoder.encode("a-new-password"))
                .build());

        assertThatThrownBy(() -> signIn.authenticate(attempt("integration", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn.authenticate(attempt("integration", "a-new-password")).isAuthenticated())
                .isTrue();
    }

    @Test
    void changedRolesAreNotAnsweredFromTheRememberedCheck() {
        signIn.authenticate(attempt("integration", PASSWORD));

        users.updateUser(User.withUserDetails(users.loadUserByUsername("integration"))
                .roles(Roles.OPERATOR)
                .build());

        assertThat(signIn.authenticate(attempt("integration", PASSWORD)).getAuthorities())
                .extracting(Object::toString)
                .contains("ROLE_" + Roles.OPERATOR)
                .doesNotContain("ROLE_" + Roles.INTEGRATION);
        assertThat(encoder.matches).hasValue(2);
    }

    @Test
    void aLockedAccountIsRefusedThoughItsCheckWasRememberedAndIsCheckedInFullAfterTheLock() {
        rememberingFor(Duration.ofHours(1)); // longer than the lock, so that only the lock can have dropped it
        signIn.authenticate(attempt("integration", PASSWORD));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(10)); // past each delay, so that every attempt reaches the password
            assertThatThrownBy(() -> signIn.authenticate(attempt("integration", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int checksBefore = encoder.matches.get();

        assertThatThrownBy(() -> signIn.authenticate(attempt("integration", PASSWORD)))
                .as("locked: refused without looking at the password")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches).hasValue(checksBefore);

        clock.advance(LOCK_FOR);
        assertThat(signIn.authenticate(attempt("integration", PASSWORD)).isAuthenticated())
                .isTrue();
        assertThat(encoder.matches).as("checked in full after the lock").hasValue(checksBefore + 1);
    }

    @Test
    void aFailedAttemptForTheAccountDropsItsRememberedCheck() {
        signIn.authenticate(attempt("integration", PASSWORD));

        assertThatThrownBy(() -> signIn.authenticate(attempt("Integration", "guess")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(verified.size()).isZero();
    }

    @Test
    void aDelayedAccountIsHeldBackThoughItsCheckWasRemembered() {
        signIn.authenticate(attempt("integration", PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("integration", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn.authenticate(attempt("integration", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anUnknownAccountIsCheckedInFullEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("nobody", PASSWORD)))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThat(verified.size()).isZero();
    }

    @Test
    void howManyChecksAreRememberedIsBounded() {
        var many = new InMemoryUserDetailsManager();
        for (int i = 0; i <= VerifiedCredentials.MOST_ENTRIES; i++) {
            many.createUser(User.withUsername("user-" + i)
                    .password("{noop}" + PASSWORD)
                    .roles(Roles.CLINICIAN)
                    .build());
        }
        var dao = new DaoAuthenticationProvider(many);
        dao.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        var bounded = new VerifiedCredentials(clock, VerifiedCredentials.TIME_TO_LIVE);
        var check = new RememberedPasswordCheck(new ProviderManager(dao), many, bounded);

        for (int i = 0; i <= VerifiedCredentials.MOST_ENTRIES; i++) {
            assertThat(check.authenticate(attempt("user-" + i, PASSWORD)).isAuthenticated())
                    .isTrue();
        }
        assertThat(bounded.size()).isEqualTo(VerifiedCredentials.MOST_ENTRIES);

        clock.advance(VerifiedCredentials.TIME_TO_LIVE);
        check.authenticate(attempt("user-" + VerifiedCredentials.MOST_ENTRIES, PASSWORD));
        assertThat(bounded.size()).as("expired checks make room").isEqualTo(1);
    }

    private static UsernamePasswordAuthenticationToken attempt(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    /** Every value the remembered checks hold, one level into each entry. */
    private List<Object> keptValues() throws Exception {
        Field field = VerifiedCredentials.class.getDeclaredField("byAccount");
        field.setAccessible(true);
        var values = new ArrayList<Object>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) field.get(verified)).entrySet()) {
            values.add(entry.getKey());
            Record kept = (Record) entry.getValue();
            for (RecordComponent component : kept.getClass().getRecordComponents()) {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                values.add(accessor.invoke(kept));
            }
        }
        return values;
    }

    /** BCrypt, counting how often a password is checked against it. */
    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder encoder;
        final AtomicInteger matches = new AtomicInteger();

        CountingEncoder(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encode(CharSequence raw) {
            return encoder.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return encoder.matches(raw, encoded);
        }
    }
}
