package org.toxwatch.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Recent successful password checks, so that HTTP Basic, which sends the password with every request, does not
 * run BCrypt on every request. What is remembered per account is an HMAC-SHA256 tag of the user name and
 * password under a key drawn at random when the process starts (never the password, nor anything a password can
 * be tested against offline once the process is gone), the authentication the full check produced, and a tag of
 * the stored password hash with the account's state as they were before that check.
 *
 * <p>A remembered check answers only while it is younger than its time to live, only for exactly the same name
 * and password (compared in constant time), and only while the account is still enabled, unlocked, unexpired,
 * with the same roles and the same stored password; anything else falls through to the full check. Only
 * successes are remembered.
 */
final class VerifiedCredentials {

    /** Short enough that a password removed by hand stops working soon even if nothing else notices. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(2);

    /** The local run has three accounts; the bound only keeps a store with many users from growing without end. */
    static final int MOST_ENTRIES = 1_000;

    private static final String HMAC = "HmacSHA256";

    private final Clock clock;
    private final Duration timeToLive;
    private final SecretKeySpec key;
    private final Map<String, Verified> byAccount = new ConcurrentHashMap<>();

    VerifiedCredentials(Clock clock, Duration timeToLive) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /**
     * @param credentials HMAC of the name and password that were checked
     * @param account HMAC of the stored password hash, the account's flags and roles when it was checked
     * @param authentication what the full check answered (its credentials already erased)
     */
    private record Verified(byte[] credentials, byte[] account, Authentication authentication, Instant expires) {}

    /** The attempt's tag: what a remembered check is compared with (always 32 bytes, whatever the password). */
    byte[] tagOf(String name, String password) {
        return mac("credentials", name, password);
    }

    /**
     * The authentication remembered for exactly these credentials, if it is still fresh and {@code current} (the
     * account as the user store holds it now) is unchanged since; the attempt's details go onto the answer.
     */
    Optional<Authentication> recall(byte[] tag, UserDetails current, Authentication attempt) {
        String account = keyOf(attempt.getName());
        Verified verified = byAccount.get(account);
        if (verified == null) {
            return Optional.empty();
        }
        boolean sameCredentials = MessageDigest.isEqual(verified.credentials(), tag);
        boolean sameAccount = MessageDigest.isEqual(verified.account(), stateOf(current));
        if (!clock.instant().isBefore(verified.expires()) || !sameAccount) {
            byAccount.remove(account, verified);
            return Optional.empty();
        }
        if (!sameCredentials) {
            return Optional.empty();
        }
        var answer = UsernamePasswordAuthenticationToken.authenticated(
                verified.authentication().getPrincipal(),
                null,
                verified.authentication().getAuthorities());
        answer.setDetails(attempt.getDetails());
        return Optional.of(answer);
    }

    /**
     * Remembers a successful full check.
     *
     * @param before the account as the user store held it before the check (so a change during the check is
     *     seen as a change on the next request)
     */
    void remember(byte[] tag, UserDetails before, Authentication authenticated) {
        if (!usable(before) || authenticated.getCredentials() != null) {
            return;
        }
        Instant now = clock.instant();
        if (byAccount.size() >= MOST_ENTRIES) {
            byAccount.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (byAccount.size() >= MOST_ENTRIES) {
                return;
            }
        }
        byAccount.put(
                keyOf(authenticated.getName()),
                new Verified(tag.clone(), stateOf(before), authenticated, now.plus(timeToLive)));
    }

    /** Forgets whatever is remembered for the account (any spelling of its name). */
    void forget(String name) {
        byAccount.remove(keyOf(name));
    }

    int size() {
        return byAccount.size();
    }

    private byte[] stateOf(UserDetails user) {
        return mac(
                "account",
                user.getUsername(),
                String.valueOf(user.getPassword()),
                Boolean.toString(usable(user)),
                rolesOf(user.getAuthorities()));
    }

    private static boolean usable(UserDetails user) {
        return user.isEnabled()
                && user.isAccountNonLocked()
                && user.isAccountNonExpired()
                && user.isCredentialsNonExpired();
    }

    private static String rolesOf(Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles = authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return String.join(",", roles);
    }

    /** Each part is length-prefixed, so no two different lists of parts give the same input. */
    private byte[] mac(String purpose, String... parts) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            update(mac, purpose);
            for (String part : parts) {
                update(mac, part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void update(Mac mac, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(new byte[] {
            (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length
        });
        mac.update(bytes);
    }

    private static String keyOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
