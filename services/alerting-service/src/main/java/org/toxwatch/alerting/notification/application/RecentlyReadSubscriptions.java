package org.toxwatch.alerting.notification.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;

/**
 * The subscriptions, the active ones kept in memory for at most {@code expiry}: every alert transition asks for them
 * ({@link NotifySubscribers}), and reading them from the store (and unsealing their secrets) once per transition was
 * a seventh of the service's CPU. A subscription saved through this instance is seen by the next transition; one
 * saved by another instance (or straight into the store) within {@code expiry}.
 *
 * <p>Why a stale list cannot send anything it should not: subscriptions are never edited in place (subscribing
 * creates one, unsubscribing deactivates it), and a delivery reads its subscription again from the store and is
 * abandoned unless it is still active ({@link DeliverWebhooks}). So the only effect of the bound is that a
 * subscription made on another instance misses the transitions of its first {@code expiry}.
 */
public final class RecentlyReadSubscriptions implements WebhookSubscriptions {

    /** How long another instance's subscription change may go unseen here; see the class comment. */
    public static final Duration EXPIRY = Duration.ofSeconds(5);

    private final WebhookSubscriptions store;
    private final long expiryNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong changes = new AtomicLong();
    private volatile @Nullable Snapshot active;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public RecentlyReadSubscriptions(WebhookSubscriptions store, Duration expiry, LongSupplier nanoTime) {
        this.store = store;
        this.expiryNanos = expiry.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public WebhookSubscription save(WebhookSubscription subscription) {
        changes.incrementAndGet();
        try {
            return store.save(subscription);
        } finally {
            // Counted before and after, so a read that overlapped the save is not kept.
            changes.incrementAndGet();
            active = null;
        }
    }

    @Override
    public Optional<WebhookSubscription> find(UUID id) {
        return store.find(id);
    }

    @Override
    public List<WebhookSubscription> all() {
        return store.all();
    }

    @Override
    public List<WebhookSubscription> active() {
        long now = nanoTime.getAsLong();
        long seen = changes.get();
        var kept = active;
        if (kept != null && kept.changes() == seen && now - kept.readAt() < expiryNanos) {
            return kept.subscriptions();
        }
        var read = store.active();
        if (changes.get() == seen) {
            active = new Snapshot(read, now, seen);
        }
        return read;
    }

    private record Snapshot(List<WebhookSubscription> subscriptions, long readAt, long changes) {}
}
