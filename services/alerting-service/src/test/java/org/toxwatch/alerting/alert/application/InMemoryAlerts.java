package org.toxwatch.alerting.alert.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.ToxicityFamily;

/** The alert store as a map, for use-case tests that never see MongoDB; keeps the order of first saving. */
public final class InMemoryAlerts implements Alerts {

    private final Map<UUID, AlertEpisode> byId = new LinkedHashMap<>();

    @Override
    public Optional<AlertEpisode> findUnresolved(String patientId, ToxicityFamily family) {
        return byId.values().stream()
                .filter(e -> e.patientId().equals(patientId) && e.family() == family)
                .filter(e -> e.status() != AlertStatus.RESOLVED)
                .findFirst();
    }

    @Override
    public Optional<AlertEpisode> find(UUID alertId) {
        return Optional.ofNullable(byId.get(alertId));
    }

    @Override
    public AlertEpisode save(AlertEpisode episode) {
        byId.put(episode.alertId(), episode);
        return episode;
    }

    @Override
    public List<AlertEpisode> list(AlertFilter filter) {
        return byId.values().stream()
                .filter(e -> filter.status() == null || e.status() == filter.status())
                .filter(e -> filter.patientId() == null || e.patientId().equals(filter.patientId()))
                .filter(e -> filter.priority() == null || e.priority() == filter.priority())
                .filter(e -> filter.criterion() == null || e.latest().criterion() == filter.criterion())
                .skip((long) filter.page() * filter.size())
                .limit(filter.size())
                .toList();
    }

    public List<AlertEpisode> stored() {
        return List.copyOf(byId.values());
    }
}
