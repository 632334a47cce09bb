package org.toxwatch.ingest.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.NeuroAssessmentSubmission;
import org.toxwatch.ingest.domain.NeuroAssessments;
import org.toxwatch.ingest.domain.ObservationEvents;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.ClinicalRecord;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
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
        /**
         * @param resend the message had been accepted before: nothing new was published
         */
        record Accepted(List<UUID> eventIds, boolean resend) implements Outcome {}

        record Rejected(UUID rejectionId, List<Violation> violations) implements Outcome {}

        /** Another copy of the same message is being processed at this moment: retry shortly. */
        record InProgress() implements Outcome {}
    }

    private final ObservationValidator observationValidator;
    private final TherapyEvents therapyEvents;
    private final NeuroAssessments neuroAssessments;
    private final LocalCodes localCodes;
    private final EventPublisher publisher;
    private final InboundArchive archive;
    private final Clock clock;

    public RecordClinicalEvents(
            ObservationValidator observationValidator,
            TherapyEvents therapyEvents,
            LocalCodes localCodes,
            EventPublisher publisher,
            InboundArchive archive,
            Clock clock) {
        this.observationValidator = observationValidator;
        this.therapyEvents = therapyEvents;
        this.neuroAssessments = new NeuroAssessments(therapyEvents.allowedClockSkew());
        this.localCodes = localCodes;
        this.publisher = publisher;
        this.archive = archive;
        this.clock = clock;
    }

    public Outcome observations(Submission submission, List<ObservationSubmission> observations) {
        String sender = submission.sourceSystem();
        List<ObservationSubmission> mapped = observations.stream()
                .map(observation -> localCodes.resolve(sender, observation))
                .toList();
        // A result this sender may send without ToxWatch monitoring it is neither an error nor an event; it keeps
        // its place in the body, so every violation still names the item the sender sent.
        return record(
                submission,
                mapped,
                (item, now) -> ignored(sender, item, now) ? List.of() : observationValidator.validate(item, now),
                (item, receivedAt) ->
                        ignored(sender, item, receivedAt) ? null : ObservationEvents.toEvent(item, sender, receivedAt),
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

    public Outcome neuroAssessments(Submission submission, List<NeuroAssessmentSubmission> assessments) {
        return record(
                submission,
                assessments,
                neuroAssessments::validate,
                (valid, receivedAt) -> NeuroAssessments.toEvent(valid, submission.sourceSystem(), receivedAt),
                Topics.NEURO_ASSESSMENTS);
    }

    /** A body that could not even be read as items: rejected whole and kept in the dead-letter topic. */
    public Outcome unreadable(Submission submission, Violation violation, String targetTopic) {
        return unreadable(submission, List.of(violation), targetTopic);
    }

    /** A message that could not be read far enough to find its items, with every reason found. */
    public Outcome unreadable(Submission submission, List<Violation> violations, String targetTopic) {
        return reject(submission, violations, targetTopic, clock.instant());
    }

    /**
     * Several kinds of event derived from one message (an HL7 ORU^R01 with lab results and vital signs, or a
     * FHIR transaction): validated together, published together, acknowledged together.
     *
     * @param validated each item's violations (already located, e.g. {@code OBX^3^5}) or its event; may be
     *     empty (a medication feed carrying only drugs ToxWatch does not track): accepted, nothing published
     */
    public Outcome derived(Submission submission, List<Derived> validated, String deadLetterTarget) {
        Instant now = clock.instant();
        return claimed(submission, now, () -> {
            var violations = new ArrayList<Violation>();
            validated.forEach(item -> violations.addAll(item.violations()));
            if (!violations.isEmpty()) {
                return reject(submission, violations, deadLetterTarget, now);
            }
            return publish(
                    submission,
                    validated.stream()
                            .filter(Derived::recorded)
                            .map(item -> item.event(now))
                            .toList(),
                    now);
        });
    }

    /** One item derived from a message: its violations, a way to build its event, or nothing (ignored). */
    public record Derived(
            List<Violation> violations, @Nullable Function<Instant, Object> event) {

        /** A result ToxWatch does not monitor, from a sender whose unknown codes are skipped. */
        public static Derived ignored() {
            return new Derived(List.of(), null);
        }

        public static Derived invalid(List<Violation> violations) {
            return new Derived(List.copyOf(violations), receivedAt -> {
                throw new IllegalStateException("an invalid item has no event");
            });
        }

        public static Derived valid(Function<Instant, Object> event) {
            return new Derived(List.of(), event);
        }

        Object event(Instant receivedAt) {
            return java.util.Objects.requireNonNull(event, "an ignored item has no event")
                    .apply(receivedAt);
        }

        boolean recorded() {
            return event != null;
        }
    }

    /** Validates an observation as every entry point does (local codes mapped first). */
    public Derived observation(String sourceSystem, ObservationSubmission observation, Instant now) {
        ObservationSubmission mapped = localCodes.resolve(sourceSystem, observation);
        if (ignored(sourceSystem, mapped, now)) {
            return Derived.ignored();
        }
        List<Violation> violations = observationValidator.validate(mapped, now);
        return violations.isEmpty()
                ? Derived.valid(receivedAt -> ObservationEvents.toEvent(mapped, sourceSystem, receivedAt))
                : Derived.invalid(violations);
    }

    /** A result with a code this sender's feed may carry without ToxWatch monitoring it (see {@link LocalCodes}). */
    private boolean ignored(String sourceSystem, ObservationSubmission observation, Instant now) {
        return localCodes.ignoresUnknownCodesFrom(sourceSystem)
                && ObservationValidator.onlyTheCodeIsUnknown(observationValidator.validate(observation, now));
    }

    /** Validates a therapy event as every entry point does. */
    public Derived therapyEvent(String sourceSystem, TherapyEventSubmission event, Instant now) {
        List<Violation> violations = therapyEvents.validate(event, now);
        return violations.isEmpty()
                ? Derived.valid(receivedAt -> TherapyEvents.toEvent(event, sourceSystem, receivedAt))
                : Derived.invalid(violations);
    }

    public Instant now() {
        return clock.instant();
    }

    private <S> Outcome record(
            Submission submission,
            List<S> items,
            BiFunction<S, Instant, List<Violation>> validate,
            BiFunction<S, Instant, @Nullable Object> toEvent,
            String deadLetterTarget) {
        Instant now = clock.instant();
        return claimed(submission, now, () -> {
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
            List<Object> events = new ArrayList<>();
            for (S item : items) {
                Object event = toEvent.apply(item, now);
                if (event != null) {
                    events.add(event);
                }
            }
            return publish(submission, events, now);
        });
    }

    private Outcome claimed(Submission submission, Instant now, Supplier<Outcome> process) {
        return switch (archive.claim(submission, now)) {
            case InboundArchive.Claim.AlreadyAccepted accepted -> new Outcome.Accepted(accepted.eventIds(), true);
            case InboundArchive.Claim.InProgress inProgress -> new Outcome.InProgress();
            case InboundArchive.Claim.First first -> {
                try {
                    yield process.get();
                } catch (RuntimeException e) {
                    archive.release(submission);
                    throw e;
                }
            }
        };
    }

    private Outcome publish(Submission submission, List<Object> payloads, Instant now) {
        List<OutboundEvent> events =
                payloads.stream().map(RecordClinicalEvents::outbound).toList();
        publisher.publishAll(events);
        List<UUID> eventIds = events.stream().map(e -> eventIdOf(e.payload())).toList();
        archive.recordAccepted(submission, eventIds, now);
        return new Outcome.Accepted(eventIds, false);
    }

    private Outcome reject(Submission submission, List<Violation> violations, String targetTopic, Instant now) {
        var rejected = new RejectedInput(
                UUID.randomUUID(),
                now,
                submission.protocol(),
                submission.sourceSystem(),
                submission.messageId(),
                targetTopic,
                violations.stream().map(Violation::toString).toList(),
                submission.rawPayload());
        publisher.publishAll(
                List.of(new OutboundEvent(Topics.deadLetterTopicOf(targetTopic), submission.sourceSystem(), rejected)));
        archive.recordRejected(submission, rejected.eventId(), targetTopic, rejected.reasons(), now);
        return new Outcome.Rejected(rejected.eventId(), List.copyOf(violations));
    }

    private static OutboundEvent outbound(Object event) {
        return switch (event) {
            case LabResultRecorded lab -> new OutboundEvent(Topics.LAB_RESULTS, lab.patientId(), lab);
            case VitalSignsRecorded vitals -> new OutboundEvent(Topics.VITAL_SIGNS, vitals.patientId(), vitals);
            case TherapyEventRecorded therapy -> new OutboundEvent(Topics.THERAPY_EVENTS, therapy.patientId(), therapy);
            case NeurologicAssessmentRecorded neuro ->
                new OutboundEvent(Topics.NEURO_ASSESSMENTS, neuro.patientId(), neuro);
            default -> throw new IllegalArgumentException("unknown event type " + event.getClass());
        };
    }

    private static UUID eventIdOf(Object event) {
        if (event instanceof ClinicalRecord record) {
            return record.eventId();
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass());
    }
}
