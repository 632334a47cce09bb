package org.toxwatch.platform;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The password check (BCrypt, through {@code passwords}) with {@link VerifiedCredentials} in front: a request
 * carrying the same name and password as a recent success is answered from there, after the account has been read
 * again from the user store to see that it is still enabled, unlocked and unchanged.
 */
final class RememberedPasswordCheck implements AuthenticationManager {

    private final AuthenticationManager passwords;
    private final UserDetailsService users;
    private final VerifiedCredentials verified;

    RememberedPasswordCheck(AuthenticationManager passwords, UserDetailsService users, VerifiedCredentials verified) {
        this.passwords = passwords;
        this.users = users;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (attempt.isAuthenticated()
                || attempt.getName() == null
                || !(attempt.getCredentials() instanceof String password)) {
            return passwords.authenticate(attempt);
        }
        byte[] tag = verified.tagOf(attempt.getName(), password);
        Optional<UserDetails> before = account(attempt.getName());
        if (before.isPresent()) {
            Optional<Authentication> recalled = verified.recall(tag, before.get(), attempt);
            if (recalled.isPresent()) {
                return recalled.get();
            }
        }
        Authentication authenticated = passwords.authenticate(attempt);
        before.ifPresent(account -> verified.remember(tag, account, authenticated));
        return authenticated;
    }

    /** Forgets the account's remembered check (after a failed attempt for it, or a lock). */
    void forget(String name) {
        verified.forget(name);
    }

    private Optional<UserDetails> account(String name) {
        try {
            return Optional.ofNullable(users.loadUserByUsername(name));
        } catch (UsernameNotFoundException unknown) {
            return Optional.empty();
        }
    }
}
