package org.toxwatch.alerting.alert.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.toxwatch.model.AlertStatus;

/**
 * The order a ward works through its alerts: one entry per patient, the patient with the most urgent alert first.
 * Most urgent is the highest priority; within it an alert nobody has taken charge of (open) before one acknowledged
 * or snoozed, so a new HIGH is never buried under HIGHs already being handled; then the grade that drove the
 * priority, highest first; then the newest clinical onset first, since a severe toxicity that has just begun is
 * the one still changing fastest.
 */
public final class WardQueue {

    /** Clinical time of the assessment that drove the priority; of the latest one for an alert stored before. */
    public static Instant onset(AlertEpisode alert) {
        Instant driverTime = alert.drivenBy().assessedAt();
        return driverTime != null ? driverTime : alert.latest().assessedAt();
    }

    public static final Comparator<AlertEpisode> MOST_URGENT_FIRST = Comparator.comparing(AlertEpisode::priority)
            .thenComparing(WardQueue::waitingForSomeone, Comparator.reverseOrder())
            .thenComparing((AlertEpisode alert) -> alert.drivenBy().grade(), Comparator.reverseOrder())
            .thenComparing(WardQueue::onset, Comparator.reverseOrder())
            .thenComparing(AlertEpisode::alertId);

    /** A patient and their alerts, most urgent first. */
    public record PatientAlerts(String patientId, List<AlertEpisode> alerts) {

        public PatientAlerts {
            alerts = List.copyOf(alerts);
            if (alerts.isEmpty()) {
                throw new IllegalArgumentException("a patient is in the queue for an alert");
            }
        }

        public AlertEpisode mostUrgent() {
            return alerts.getFirst();
        }
    }

    /** One entry per patient, each ordered by their most urgent alert. */
    public static List<PatientAlerts> of(Collection<AlertEpisode> alerts) {
        var byPatient = new LinkedHashMap<String, List<AlertEpisode>>();
        alerts.stream()
                .sorted(MOST_URGENT_FIRST)
                .forEach(alert -> byPatient
                        .computeIfAbsent(alert.patientId(), patient -> new ArrayList<>())
                        .add(alert));
        return byPatient.entrySet().stream()
                .map(entry -> new PatientAlerts(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static boolean waitingForSomeone(AlertEpisode alert) {
        return alert.status() == AlertStatus.OPEN;
    }

    private WardQueue() {}
}
