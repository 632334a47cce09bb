package org.toxwatch.ingest.application;

import java.util.List;

/** Port: stores events durably. Returns only once every event is acknowledged by all in-sync replicas. */
public interface EventPublisher {

    /**
     * @throws EventsNotStored when any event could not be stored in time; none may be acknowledged then
     */
    void publishAll(List<OutboundEvent> events);

    /** The events are not known to be stored: the sender must retry. */
    final class EventsNotStored extends RuntimeException {
        public EventsNotStored(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
