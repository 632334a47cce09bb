package org.toxwatch.ingest.application;

import java.util.ArrayList;
import java.util.List;

/** An event store for use-case tests: keeps what was published, or refuses everything when told Kafka is down. */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<OutboundEvent> published = new ArrayList<>();
    private boolean unavailable;

    @Override
    public synchronized void publishAll(List<OutboundEvent> events) {
        if (unavailable) {
            throw new EventsNotStored("Kafka is down (test)", new IllegalStateException("down"));
        }
        published.addAll(events);
    }

    public synchronized List<OutboundEvent> published() {
        return List.copyOf(published);
    }

    public synchronized List<Object> payloadsOn(String topic) {
        return published.stream()
                .filter(e -> e.topic().equals(topic))
                .map(OutboundEvent::payload)
                .toList();
    }

    public synchronized void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }
}
