package org.toxwatch.ingest.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.toxwatch.ingest.domain.ObservationEvents;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * Use case: record what a hospital system submitted. A submission is accepted whole or rejected whole: if any
 * item is invalid, nothing is published, every violation is reported and the raw payload goes to the
 * dead-letter topic. Either way the answer is given only after Kafka has stored what the answer claims.
 */
public final class RecordClinicalEvents {

    /** What happened to a submission. */
    public sealed interface Outcome {
        record Accepted(List<UUID> eventIds) implements Outcome {}

        record Rejected(UUID rejectionId, List<Violation> violations) implements Outcome {}
    }

    private final ObservationValidator observationValidator;
    private final TherapyEvents therapyEvents;
    private final EventPublisher publisher;
    private final Clock clock;

    public RecordClinicalEvents(
            ObservationValidator observationValidator,
            TherapyEvents therapyEvents,
            EventPublisher publisher,
            Clock clock) {
        this.observationValidator = observationValidator;
        this.therapyEvents = therapyEvents;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Outcome observations(Submission submission, List<ObservationSubmission> observations) {
        return record(
                submission,
                observations,
                observationValidator::validate,
                (valid, receivedAt) -> ObservationEvents.toEvent(valid, submission.sourceSystem(), receivedAt),
                Topics.LAB_RESULTS);
    }

    public Outcome therapyEvents(Submission submission, List<TherapyEventSubmission> events) {
        return record(
                submission,
                events,
                therapyEvents::validate,
                (valid, receivedAt) -> TherapyEvents.toEvent(valid, submission.sourceSystem(), receivedAt),
                Topics.THERAPY_EVENTS);
    }

    /** A body that could not even be read as items: rejected whole and kept in the dead-letter topic. */
    public Outcome unreadable(Submission submission, Violation violation, String targetTopic) {
        return reject(submission, List.of(violation), targetTopic, clock.instant());
    }

    private <S> Outcome record(
            Submission submission,
            List<S> items,
            BiFunction<S, Instant, List<Violation>> validate,
            BiFunction<S, Instant, Object> toEvent,
            String deadLetterTarget) {
        Instant now = clock.instant();
        var violations = new ArrayList<Violation>();
        if (items.isEmpty()) {
            violations.add(new Violation("body", "contains no item"));
        }
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            List<Violation> found = validate.apply(items.get(i), now);
            violations.addAll(
                    items.size() == 1
                            ? found
                            : found.stream().map(v -> v.atIndex(index)).toList());
        }
        if (!violations.isEmpty()) {
            return reject(submission, violations, deadLetterTarget, now);
        }
        List<OutboundEvent> events = items.stream()
                .map(item -> toEvent.apply(item, now))
                .map(RecordClinicalEvents::outbound)
                .toList();
        publisher.publishAll(events);
        return new Outcome.Accepted(
                events.stream().map(e -> eventIdOf(e.payload())).toList());
    }

    private Outcome reject(Submission submission, List<Violation> violations, String targetTopic, Instant now) {
        var rejected = new RejectedInput(
                UUID.randomUUID(),
                now,
                submission.protocol(),
                submission.sourceSystem(),
                null,
                targetTopic,
                violations.stream().map(Violation::toString).toList(),
                submission.rawPayload());
        publisher.publishAll(
                List.of(new OutboundEvent(Topics.deadLetterTopicOf(targetTopic), submission.sourceSystem(), rejected)));
        return new Outcome.Rejected(rejected.eventId(), List.copyOf(violations));
    }

    private static OutboundEvent outbound(Object event) {
        return switch (event) {
            case LabResultRecorded lab -> new OutboundEvent(Topics.LAB_RESULTS, lab.patientId(), lab);
            case VitalSignsRecorded vitals -> new OutboundEvent(Topics.VITAL_SIGNS, vitals.patientId(), vitals);
            case TherapyEventRecorded therapy -> new OutboundEvent(Topics.THERAPY_EVENTS, therapy.patientId(), therapy);
            default -> throw new IllegalArgumentException("unknown event type " + event.getClass());
        };
    }

    private static UUID eventIdOf(Object event) {
        return switch (event) {
            case LabResultRecorded lab -> lab.eventId();
            case VitalSignsRecorded vitals -> vitals.eventId();
            case TherapyEventRecorded therapy -> therapy.eventId();
            default -> throw new IllegalArgumentException("unknown event type " + event.getClass());
        };
    }
}
