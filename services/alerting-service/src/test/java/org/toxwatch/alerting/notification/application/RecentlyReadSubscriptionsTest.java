package org.toxwatch.alerting.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;

/**
 * The active subscriptions are read from the store at most once per expiry, except that a change saved through this
 * instance is seen at once; a change made elsewhere is seen once the expiry has passed.
 */
class RecentlyReadSubscriptionsTest {

    private static final Duration EXPIRY = Duration.ofSeconds(5);

    private final InMemoryWebhooks store = new InMemoryWebhooks();
    private final CountingReads reads = new CountingReads(store);
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RecentlyReadSubscriptions subscriptions = new RecentlyReadSubscriptions(reads, EXPIRY, nanos::get);

    @Test
    void manyTransitionsWithinTheExpiryReadTheSubscriptionsOnce() {
        var ehr = subscriptions.save(aSubscription());

        for (int transition = 0; transition < 100; transition++) {
            assertThat(subscriptions.active()).containsExactly(ehr);
            nanos.addAndGet(Duration.ofMillis(40).toNanos());
        }

        assertThat(reads.count).hasValue(1);
    }

    @Test
    void aSubscriptionMadeOrEndedThroughThisInstanceIsSeenByTheNextTransition() {
        var ehr = subscriptions.save(aSubscription());
        assertThat(subscriptions.active()).containsExactly(ehr);

        var pager = subscriptions.save(aSubscription());
        assertThat(subscriptions.active()).containsExactlyInAnyOrder(ehr, pager);

        subscriptions.save(ehr.deactivated());
        assertThat(subscriptions.active()).containsExactly(pager);
    }

    @Test
    void aSubscriptionMadeOrEndedElsewhereIsSeenOnceTheExpiryHasPassed() {
        var ehr = subscriptions.save(aSubscription());
        assertThat(subscriptions.active()).containsExactly(ehr);

        // Another instance of the service ends this one and subscribes another.
        store.save(ehr.deactivated());
        var pager = store.save(aSubscription());
        nanos.addAndGet(EXPIRY.minusMillis(1).toNanos());
        assertThat(subscriptions.active()).as("just within the expiry").containsExactly(ehr);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(subscriptions.active()).containsExactly(pager);
    }

    @Test
    void aSingleSubscriptionIsAlwaysReadFromTheStore() {
        var ehr = subscriptions.save(aSubscription());
        subscriptions.active();
        store.save(ehr.deactivated());

        assertThat(subscriptions.find(ehr.id()))
                .hasValueSatisfying(found -> assertThat(found.active())
                        .as("what a delivery checks before it sends anything")
                        .isFalse());
    }

    private static WebhookSubscription aSubscription() {
        return new WebhookSubscription(
                UUID.randomUUID(),
                "ehr",
                URI.create("https://ehr.example/hooks"),
                "sixteen-characters",
                Set.of(),
                Set.of(),
                true,
                Instant.parse("2026-11-20T09:00:00Z"),
                false);
    }

    /** The store, counting how often the active subscriptions are read from it. */
    private static final class CountingReads implements WebhookSubscriptions {
        private final WebhookSubscriptions store;
        final AtomicInteger count = new AtomicInteger();

        CountingReads(WebhookSubscriptions store) {
            this.store = store;
        }

        @Override
        public WebhookSubscription save(WebhookSubscription subscription) {
            return store.save(subscription);
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
            count.incrementAndGet();
            return store.active();
        }
    }
}
