package org.toxwatch.alerting.alert.application;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;

/**
 * A periodic pass over every alert in some statuses (the escalation and recovery clocks), however many there are.
 * One alert that cannot be changed now (changed concurrently, store away) never holds up the others; it is tried
 * again on the next pass.
 */
final class AlertSweep {

    private static final System.Logger log = System.getLogger(AlertSweep.class.getName());

    private final Alerts alerts;
    private final ChangeRecorder changes;
    private final String action;

    /** @param action what the pass does, for the log line of an alert it skips ("escalate", "resolve") */
    AlertSweep(Alerts alerts, ChangeRecorder changes, String action) {
        this.alerts = alerts;
        this.changes = changes;
        this.action = action;
    }

    List<AlertChanged> over(List<AlertStatus> statuses, Function<AlertEpisode, AlertEpisode.Decision> decide) {
        var made = new ArrayList<AlertChanged>();
        for (AlertStatus status : statuses) {
            alerts.eachIn(status, episode -> {
                try {
                    if (decide.apply(episode) instanceof AlertEpisode.Decision.Changed changed) {
                        made.add(changes.record(changed.change()));
                    }
                } catch (RuntimeException e) {
                    log.log(
                            System.Logger.Level.WARNING,
                            "Could not {0} alert {1} ({2}); tried again on the next run",
                            action,
                            episode.alertId(),
                            e.getClass().getSimpleName());
                }
            });
        }
        return made;
    }
}
