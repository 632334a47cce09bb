package org.toxwatch.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) behind the {@link LoginThrottle}: while an account or address must wait,
 * an attempt is refused without looking at the password. A refusal, a wrong password and an unknown account all
 * get the same answer ("Bad credentials": 401 for Basic, back to the sign-in form for the console), so nothing
 * tells an attacker which accounts exist or which are locked. Log lines and metrics never name the account. The
 * throttle is asked before the password is looked at, whether or not a recent check of it is remembered.
 */
final class ThrottledAuthenticationManager implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationManager.class);
    static final String FAILURES = "toxwatch.security.login.failures";
    static final String LOCKS = "toxwatch.security.login.locks";

    private final RememberedPasswordCheck passwords;
    private final LoginThrottle throttle;
    private final Counter badCredentials;
    private final Counter throttled;
    private final Counter locks;

    ThrottledAuthenticationManager(RememberedPasswordCheck passwords, LoginThrottle throttle, MeterRegistry meters) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.badCredentials = Counter.builder(FAILURES)
                .description("Failed password sign-ins")
                .tag("reason", "bad-credentials")
                .register(meters);
        this.throttled = Counter.builder(FAILURES)
                .description("Failed password sign-ins")
                .tag("reason", "throttled")
                .register(meters);
        this.locks = Counter.builder(LOCKS)
                .description("Accounts or addresses locked after repeated sign-in failures")
                .register(meters);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = String.valueOf(attempt.getName());
        String address = addressOf(attempt);
        if (throttle.wait(account, address).isPresent()) {
            throttled.increment();
            throw badCredentials();
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.succeeded(account);
            return authenticated;
        } catch (AuthenticationException e) {
            // Whatever made this attempt fail, the account's next one gets the full check.
            passwords.forget(account);
            badCredentials.increment();
            switch (throttle.failed(account, address)) {
                case LOCKED -> {
                    locks.increment();
                    log.warn("Sign-in locked after repeated failures (source address {})", LogValues.oneLine(address));
                }
                case DELAYED ->
                    log.info("Sign-in delayed after repeated failures (source address {})", LogValues.oneLine(address));
                case NONE -> {}
            }
            throw badCredentials();
        }
    }

    private static BadCredentialsException badCredentials() {
        return new BadCredentialsException("Bad credentials");
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }
}
