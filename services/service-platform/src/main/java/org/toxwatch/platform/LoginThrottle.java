package org.toxwatch.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per source address and says how long the next attempt of either must
 * wait: nothing for the first few failures, then a delay that doubles with each further failure, then a lock.
 * An account name nobody has is counted exactly like a real one, so the answers never tell them apart. Held in
 * memory, so each instance counts for itself (a restart forgets).
 */
public final class LoginThrottle {

    /** Entries beyond this are pruned of whatever has expired, so an attacker cycling names cannot fill memory. */
    static final int MOST_ENTRIES = 100_000;

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** What a failure did: whether it started a delay or a lock on the account or the address. */
    public enum Consequence {
        NONE,
        DELAYED,
        LOCKED
    }

    private record Failures(int count, Instant last, Instant notBefore) {}

    /** How long an attempt for this account from this address must still wait, if at all. */
    public Optional<Duration> wait(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(notBefore(accountKey(account), now), notBefore(addressKey(address), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Records a failed attempt; returns the stronger consequence for the account or the address. */
    public Consequence failed(String account, String address) {
        Instant now = clock.instant();
        prune(now);
        Consequence byAccount = count(accountKey(account), now);
        Consequence byAddress = count(addressKey(address), now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    /**
     * A correct password clears the account's failures. The address keeps its count: one valid account must not
     * reset the budget of an address trying many others.
     */
    public void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private Consequence count(String key, Instant now) {
        Failures after = failures.compute(key, (k, before) -> {
            int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
            return new Failures(count, now, now.plus(delayAfter(count)));
        });
        if (after.count() >= settings.lockAfter()) {
            return Consequence.LOCKED;
        }
        return after.count() >= settings.delayAfter() ? Consequence.DELAYED : Consequence.NONE;
    }

    /** The wait after the given number of consecutive failures. */
    Duration delayAfter(int count) {
        if (count >= settings.lockAfter()) {
            return settings.lockFor();
        }
        if (count < settings.delayAfter()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - settings.delayAfter(), 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.longestDelay()) > 0 ? settings.longestDelay() : delay;
    }

    /** Failures this long past their last one, and no longer holding anything back, start again from zero. */
    private boolean forgotten(Failures entry, Instant now) {
        return !entry.notBefore().isAfter(now)
                && entry.last().plus(settings.lockFor()).isBefore(now);
    }

    private Instant notBefore(String key, Instant now) {
        Failures entry = failures.get(key);
        return entry == null ? now : entry.notBefore();
    }

    private void prune(Instant now) {
        if (failures.size() >= MOST_ENTRIES) {
            failures.values().removeIf(entry -> forgotten(entry, now));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String accountKey(String account) {
        return "account:" + account.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
