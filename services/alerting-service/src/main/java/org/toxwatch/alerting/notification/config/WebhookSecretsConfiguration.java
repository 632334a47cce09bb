package org.toxwatch.alerting.notification.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.toxwatch.alerting.notification.adapter.mongo.MongoWebhookSubscriptions;
import org.toxwatch.alerting.notification.adapter.mongo.SecretSealer;
import org.toxwatch.alerting.notification.application.RecentlyReadSubscriptions;
import org.toxwatch.alerting.notification.application.WebhookSubscriptions;
import org.toxwatch.platform.OwnerOnlyFiles;

/**
 * Webhook secrets at rest: sealed with the key ring from {@code TOXWATCH_WEBHOOK_SECRET_KEYS}; without it (the
 * local run) with a key generated once into an owner-only file of the data directory, which is therefore for a
 * single instance: instances that share a database share a ring through the variable. At start-up every secret
 * in plain text or sealed with an older key is sealed again with the ring's first key.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretsConfiguration.class);

    @Bean
    SecretSealer webhookSecretSealer(
            @Value("${toxwatch.alerting.webhooks.secret-keys:}") String keyRing,
            @Value("${toxwatch.alerting.webhooks.secret-key-file:data/webhook-secret-key}") Path keyFile) {
        if (!keyRing.isBlank()) {
            return SecretSealer.ofKeyRing(keyRing);
        }
        var sealer = SecretSealer.ofKeyRing(localKeyRing(keyFile));
        log.warn(
                "Webhook secrets are sealed with the local key '{}' kept in {}; outside the local run set"
                        + " TOXWATCH_WEBHOOK_SECRET_KEYS",
                sealer.currentKeyId(),
                keyFile.toAbsolutePath());
        return sealer;
    }

    @Bean
    WebhookSubscriptions webhookSubscriptions(MongoTemplate mongoTemplate, SecretSealer webhookSecretSealer) {
        var subscriptions = new MongoWebhookSubscriptions(mongoTemplate, webhookSecretSealer);
        int resealed = subscriptions.reseal();
        if (resealed > 0) {
            log.info(
                    "Sealed the secrets of {} webhook subscriptions with key '{}'",
                    resealed,
                    webhookSecretSealer.currentKeyId());
        }
        return new RecentlyReadSubscriptions(subscriptions, RecentlyReadSubscriptions.EXPIRY, System::nanoTime);
    }

    private static byte[] randomId() {
        byte[] id = new byte[4];
        new SecureRandom().nextBytes(id);
        return id;
    }

    private static String localKeyRing(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            // A fresh id per generated key: a secret sealed by another instance's key is then named as such.
            String ring = SecretSealer.newKeyRingEntry("local-" + HexFormat.of().formatHex(randomId()));
            OwnerOnlyFiles.newFile(file);
            Files.writeString(file, ring + System.lineSeparator());
            return ring;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the webhook secret key file " + file, e);
        }
    }
}
