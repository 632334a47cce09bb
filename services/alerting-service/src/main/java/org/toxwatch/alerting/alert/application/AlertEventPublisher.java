package org.toxwatch.alerting.alert.application;

import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertChanged;

/** Port: publishes alert transitions (the notification feed and the audit trail). */
public interface AlertEventPublisher {

    /** Publishes the event and returns once it is acknowledged; fails when it could not be. */
    void publish(AlertChanged event);

    /**
     * Starts publishing the event; {@link Sending#await()} returns once it is acknowledged, or fails. A batch of
     * assessments sends its transitions one after another and waits for them together.
     */
    default Sending send(AlertChanged event) {
        publish(event);
        return Sending.DONE;
    }

    /** As {@link #send(AlertChanged)}, for a change whose episode was just stored as {@code episode}. */
    default Sending send(AlertChanged event, AlertEpisode episode) {
        return send(event);
    }

    /** An event on its way. */
    @FunctionalInterface
    interface Sending {

        Sending DONE = () -> {};

        /** Returns once the event is acknowledged; fails when it could not be published. */
        void await();
    }
}
