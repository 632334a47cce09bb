package org.toxwatch.ingest.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;

/**
 * A fault nobody foresaw while a submission is recorded: the first publication throws with a message naming the
 * patient; the reject recorded after it is published.
 */
public final class FailingFirstPublication implements EventPublisher {

    private final String message;
    private final AtomicInteger publications = new AtomicInteger();

    public FailingFirstPublication(String message) {
        this.message = message;
    }

    /** The use case as the entry points record through it, publishing here, at a fixed instant. */
    public RecordClinicalEvents recordingAt(Instant now) {
        return new RecordClinicalEvents(
                new ObservationValidator(Duration.ofMinutes(5)),
                new TherapyEvents(Duration.ofMinutes(5)),
                new LocalCodes(Map.of()),
                this,
                new InMemoryInboundArchive(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Override
    public void publishAll(List<OutboundEvent> events) {
        if (publications.getAndIncrement() == 0) {
            throw new IllegalStateException(message);
        }
    }

    public int publications() {
        return publications.get();
    }
}
