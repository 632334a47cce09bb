package org.toxwatch.alerting.notification.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** Webhook secrets at rest against a real MongoDB-wire server: sealed, rotated, migrated from plain text. */
@DataMongoTest
class MongoWebhookSubscriptionsIT {

    private static final String COLLECTION = "webhook_subscriptions";
    private static final String KEY_2026_06 = SecretSealer.newKeyRingEntry("2026-06");
    private static final String KEY_2026_12 = SecretSealer.newKeyRingEntry("2026-12");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "webhook-secrets-it");
    }

    @Autowired
    MongoTemplate mongoTemplate;

    @BeforeEach
    void emptyCollection() {
        mongoTemplate.dropCollection(COLLECTION);
    }

    @Test
    void theSecretIsStoredSealedNeverInPlainTextAndReadsBackForSigning() {
        var subscriptions = new MongoWebhookSubscriptions(mongoTemplate, SecretSealer.ofKeyRing(KEY_2026_06));
        var subscription = aSubscription("whsec-stored-sealed-0001");

        subscriptions.save(subscription);

        Document stored = raw(subscription.id());
        assertThat(stored).doesNotContainKey("secret");
        assertThat(stored.get("sealedSecret", Document.class)).containsEntry("keyId", "2026-06");
        assertThat(stored.toJson()).doesNotContain("whsec-stored-sealed-0001");
        assertThat(subscriptions.find(subscription.id()).orElseThrow().secret()).isEqualTo("whsec-stored-sealed-0001");
    }

    @Test
    void afterARotationTheStartUpResealsWithTheNewKeySoTheOldOneCanLeaveTheRing() {
        var subscription = aSubscription("whsec-rotated-0000001");
        new MongoWebhookSubscriptions(mongoTemplate, SecretSealer.ofKeyRing(KEY_2026_06)).save(subscription);

        var rotated =
                new MongoWebhookSubscriptions(mongoTemplate, SecretSealer.ofKeyRing(KEY_2026_12 + "," + KEY_2026_06));
        int resealed = rotated.reseal();

        assertThat(resealed).isOne();
        assertThat(raw(subscription.id()).get("sealedSecret", Document.class)).containsEntry("keyId", "2026-12");
        var withoutOldKey = new MongoWebhookSubscriptions(mongoTemplate, SecretSealer.ofKeyRing(KEY_2026_12));
        assertThat(withoutOldKey.reseal()).isZero();
        assertThat(withoutOldKey.find(subscription.id()).orElseThrow().secret()).isEqualTo("whsec-rotated-0000001");
    }

    @Test
    void aSecretStoredInPlainTextByAnEarlierVersionIsSealedAtStartUpAndThePlainTextRemoved() {
        UUID id = UUID.randomUUID();
        mongoTemplate
                .getCollection(COLLECTION)
                .insertOne(new Document("_id", id.toString())
                        .append("name", "ward pager")
                        .append("url", "https://pager.example.org/hook")
                        .append("secret", "whsec-legacy-plaintext-01")
                        .append("transitions", java.util.List.of())
                        .append("priorities", java.util.List.of())
                        .append("active", true)
                        .append("createdAt", java.util.Date.from(Instant.parse("2026-11-01T00:00:00Z"))));
        var subscriptions = new MongoWebhookSubscriptions(mongoTemplate, SecretSealer.ofKeyRing(KEY_2026_06));

        int resealed = subscriptions.reseal();

        assertThat(resealed).isOne();
        assertThat(raw(id)).doesNotContainKey("secret");
        assertThat(raw(id).toJson()).doesNotContain("whsec-legacy-plaintext-01");
        assertThat(subscriptions.find(id).orElseThrow().secret()).isEqualTo("whsec-legacy-plaintext-01");
    }

    @Test
    void aSecretSealedWithAKeyMissingFromTheRingStopsTheStartUpNamingTheKeyNotTheSecret() {
        var subscription = aSubscription("whsec-unknown-key-0001");
        new MongoWebhookSubscriptions(mongoTemplate, SecretSealer.ofKeyRing(KEY_2026_06)).save(subscription);
        var wrongRing = new MongoWebhookSubscriptions(mongoTemplate, SecretSealer.ofKeyRing(KEY_2026_12));

        assertThatThrownBy(wrongRing::reseal)
                .isInstanceOf(SecretSealer.UnknownKeyException.class)
                .hasMessageContaining("'2026-06'")
                .hasMessageNotContaining("whsec-unknown-key-0001");
    }

    private Document raw(UUID id) {
        return mongoTemplate
                .getCollection(COLLECTION)
                .find(new Document("_id", id.toString()))
                .first();
    }

    private static WebhookSubscription aSubscription(String secret) {
        return new WebhookSubscription(
                UUID.randomUUID(),
                "ward pager",
                URI.create("https://pager.example.org/hook"),
                secret,
                Set.of(),
                Set.of(),
                true,
                Instant.parse("2026-11-01T00:00:00Z"),
                false);
    }
}
