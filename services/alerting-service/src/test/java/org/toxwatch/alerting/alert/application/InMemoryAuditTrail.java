package org.toxwatch.alerting.alert.application;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;

/** The audit trail as an ordered map: insert-or-keep by event id; an alert's entries by their numbers. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final Map<UUID, SequencedTransition> byEventId = new LinkedHashMap<>();

    @Override
    public void record(SequencedTransition transition) {
        byEventId.putIfAbsent(transition.event().eventId(), transition);
    }

    @Override
    public List<AlertChanged> of(UUID alertId) {
        return byEventId.values().stream()
                .filter(t -> t.event().alertId().equals(alertId))
                .sorted(Comparator.comparingInt(SequencedTransition::sequence))
                .map(SequencedTransition::event)
                .toList();
    }

    /** Every entry, in the order recorded. */
    public List<AlertChanged> all() {
        return byEventId.values().stream().map(SequencedTransition::event).toList();
    }
}
