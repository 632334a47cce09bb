package org.toxwatch.alerting.notification.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A change someone made to how ToxWatch runs (a webhook subscription, today): who, when, what, and its settings
 * before and after. Settings are what an operator sees of the subject; secrets are never among them.
 *
 * @param actor the signed-in user (the account name, or the token's subject)
 * @param subject what was changed, e.g. {@code webhook-subscription/<id>}
 * @param action what was done: {@code created}, {@code deactivated}
 * @param before the settings before the change; empty for a creation
 * @param after the settings after the change
 */
public record ConfigurationChange(
        UUID id,
        Instant at,
        String actor,
        String subject,
        String action,
        Map<String, String> before,
        Map<String, String> after) {

    public ConfigurationChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }
}
