package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertChanged;

/**
 * Use case: a clinician acknowledges, snoozes, assigns or resolves an alert. Each accepted action is stored,
 * audited and published.
 */
public final class ActOnAlert {

    /** What came of the action. */
    public sealed interface Outcome {
        record Done(AlertChanged transition) implements Outcome {}

        record Refused(String reason) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    private final Alerts alerts;
    private final ChangeRecorder changes;
    private final Duration longestSnooze;
    private final Clock clock;

    public ActOnAlert(
            Alerts alerts, AuditTrail auditTrail, AlertEventPublisher publisher, Duration longestSnooze, Clock clock) {
        this.alerts = alerts;
        this.changes = new ChangeRecorder(alerts, auditTrail, publisher);
        this.longestSnooze = longestSnooze;
        this.clock = clock;
    }

    public Outcome snooze(UUID alertId, String clinician, Duration duration, @Nullable String note) {
        return alerts.find(alertId)
                .map(episode -> apply(episode.snooze(clinician, duration, longestSnooze, note, clock.instant())))
                .orElseGet(Outcome.NotFound::new);
    }

    public Outcome assign(UUID alertId, String actor, String assignee) {
        return alerts.find(alertId)
                .map(episode -> apply(episode.assign(actor, assignee, clock.instant())))
                .orElseGet(Outcome.NotFound::new);
    }

    public Outcome acknowledge(UUID alertId, String clinician, @Nullable String note) {
        return alerts.find(alertId)
                .map(episode -> apply(episode.acknowledge(clinician, note, clock.instant())))
                .orElseGet(Outcome.NotFound::new);
    }

    public Outcome resolve(UUID alertId, String clinician, String reason) {
        Objects.requireNonNull(reason, "reason");
        return alerts.find(alertId)
                .map(episode -> apply(episode.resolve(clinician, reason, clock.instant())))
                .orElseGet(Outcome.NotFound::new);
    }

    private Outcome apply(AlertEpisode.Decision decision) {
        return switch (decision) {
            case AlertEpisode.Decision.Refused refused -> new Outcome.Refused(refused.reason());
            case AlertEpisode.Decision.Changed changed -> {
                yield new Outcome.Done(changes.record(changed.change()));
            }
        };
    }
}
