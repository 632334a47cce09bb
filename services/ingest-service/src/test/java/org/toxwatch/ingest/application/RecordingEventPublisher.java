package org.toxwatch.ingest.application;

import java.util.ArrayList;
import java.util.List;
import org.toxwatch.ingest.adapter.kafka.InputTopics;
import org.toxwatch.ingest.adapter.kafka.InputTopics.Addressed;

/**
 * An event store for use-case tests: keeps what was published, addressed to its topic as the Kafka adapter would,
 * or refuses everything when told Kafka is down.
 */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<Addressed> published = new ArrayList<>();
    private boolean unavailable;

    @Override
    public synchronized void publishAll(List<OutboundEvent> events) {
        if (unavailable) {
            throw new EventsNotStored("Kafka is down (test)", new IllegalStateException("down"));
        }
        events.stream().map(InputTopics::address).forEach(published::add);
    }

    public synchronized List<Addressed> published() {
        return List.copyOf(published);
    }

    public synchronized List<Object> payloadsOn(String topic) {
        return published.stream()
                .filter(e -> e.topic().equals(topic))
                .map(Addressed::payload)
                .toList();
    }

    public synchronized void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }
}
