package org.toxwatch.alerting.alert.application;

import java.util.List;
import java.util.UUID;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;

/** Port: every transition of every alert, who made it, when and why. Entries are never changed or removed. */
public interface AuditTrail {

    /** Records a transition with its number; recording the same event twice keeps one entry. */
    void record(SequencedTransition transition);

    /** Records each transition as {@link #record} does, in one write where the store allows. */
    default void recordAll(List<SequencedTransition> transitions) {
        transitions.forEach(this::record);
    }

    /**
     * The transitions of one alert in the order they were made: by their number, not their instant, which several
     * can share. Those recorded before transitions were numbered come first, by their instant.
     */
    List<AlertChanged> of(UUID alertId);
}
