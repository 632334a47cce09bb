package org.toxwatch.alerting.alert.application;

import java.util.List;
import java.util.UUID;
import org.toxwatch.model.AlertChanged;

/** Port: every transition of every alert, who made it, when and why. Entries are never changed or removed. */
public interface AuditTrail {

    /** Records a transition; recording the same event twice keeps one entry. */
    void record(AlertChanged transition);

    /** Records each transition as {@link #record} does, in one write where the store allows. */
    default void recordAll(List<AlertChanged> transitions) {
        transitions.forEach(this::record);
    }

    /** The transitions of one alert, oldest first. */
    List<AlertChanged> of(UUID alertId);
}
