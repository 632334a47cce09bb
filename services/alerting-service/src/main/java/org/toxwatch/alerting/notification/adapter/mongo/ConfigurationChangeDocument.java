package org.toxwatch.alerting.notification.adapter.mongo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.notification.domain.ConfigurationChange;

/** One audited configuration change. */
@Document("configuration_audit")
record ConfigurationChangeDocument(
        @Id String id,
        Instant at,
        String actor,
        String subject,
        String action,
        Map<String, String> before,
        Map<String, String> after) {

    static ConfigurationChangeDocument from(ConfigurationChange change) {
        return new ConfigurationChangeDocument(
                change.id().toString(),
                change.at(),
                change.actor(),
                change.subject(),
                change.action(),
                change.before(),
                change.after());
    }

    ConfigurationChange toDomain() {
        return new ConfigurationChange(
                UUID.fromString(id),
                at,
                actor,
                subject,
                action,
                before == null ? Map.of() : before,
                after == null ? Map.of() : after);
    }
}
