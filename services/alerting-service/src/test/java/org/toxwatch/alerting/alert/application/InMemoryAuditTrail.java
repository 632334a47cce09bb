package org.toxwatch.alerting.alert.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.toxwatch.model.AlertChanged;

/** The audit trail as an ordered map: insert-or-keep by event id, in order of recording. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final Map<UUID, AlertChanged> byEventId = new LinkedHashMap<>();

    @Override
    public void record(AlertChanged transition) {
        byEventId.putIfAbsent(transition.eventId(), transition);
    }

    @Override
    public List<AlertChanged> of(UUID alertId) {
        return byEventId.values().stream()
                .filter(t -> t.alertId().equals(alertId))
                .toList();
    }

    public List<AlertChanged> all() {
        return List.copyOf(byEventId.values());
    }
}
