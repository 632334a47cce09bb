package org.toxwatch.ingest.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.ClinicalFindingSubmission;
import org.toxwatch.ingest.domain.ClinicalFindings;
import org.toxwatch.ingest.domain.DosePlanSubmission;
import org.toxwatch.ingest.domain.DosePlans;
import org.toxwatch.ingest.domain.InputHygiene;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.NeuroAssessmentSubmission;
import org.toxwatch.ingest.domain.NeuroAssessments;
import org.toxwatch.ingest.domain.ObservationEvents;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.PatientSubmission;
import org.toxwatch.ingest.domain.Patients;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.ClinicalRecord;

/**
 * Use case: record what a hospital system submitted. A submission is accepted whole or rejected whole: if any
 * item is invalid, nothing is published, every violation is reported and the raw payload goes to the
 * dead-letter topic. Either way the answer is given only after Kafka has stored what the answer claims.
 *
 * <p>Every item of every protocol passes {@link InputHygiene} first, here: a malformed item is refused before any
 * clinical rule reads it, and its findings are the only ones reported (they never repeat the value).
 */
public final class RecordClinicalEvents {

    /** What happened to a submission. */
    public sealed interface Outcome {
        /**
         * @param resend the message had been accepted before: nothing new was published
         * @param controlIdReused the sender's message id had been accepted before with other content: this
         *     message was recorded as one of its own, and is flagged so in the archive
         * @param notMonitored the codes of the results skipped because ToxWatch does not monitor them, in message
         *     order: the answer names how many ("stored 3, skipped 11 not monitored")
         */
        record Accepted(List<UUID> eventIds, boolean resend, boolean controlIdReused, List<String> notMonitored)
                implements Outcome {
            public Accepted {
                eventIds = List.copyOf(eventIds);
                notMonitored = List.copyOf(notMonitored);
            }

            public Accepted(List<UUID> eventIds, boolean resend, boolean controlIdReused) {
                this(eventIds, resend, controlIdReused, List.of());
            }

            public Accepted(List<UUID> eventIds, boolean resend) {
                this(eventIds, resend, false);
            }

            /** How many events the message stored (for a resend: had stored). */
            public int stored() {
                return eventIds.size();
            }

            /** How many results were skipped as not monitored. */
            public int skipped() {
                return notMonitored.size();
            }
        }

        record Rejected(UUID rejectionId, List<Violation> violations) implements Outcome {}

        /** Another copy of the same message is being processed at this moment: retry shortly. */
        record InProgress() implements Outcome {}
    }

    private final ObservationValidator observationValidator;
    private final TherapyEvents therapyEvents;
    private final NeuroAssessments neuroAssessments;
    private final ClinicalFindings clinicalFindings;
    private final DosePlans dosePlans;
    private final Patients patients;
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
        this.clinicalFindings = new ClinicalFindings(therapyEvents.allowedClockSkew());
        this.dosePlans = new DosePlans(therapyEvents.allowedClockSkew());
        this.patients = new Patients(therapyEvents.allowedClockSkew());
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
        // A result ToxWatch does not monitor is neither an error nor an event; it keeps its place in the body, so
        // every violation still names the item the sender sent.
        return record(
                submission,
                mapped,
                item -> localCodes.notMonitored(sender, item),
                InputHygiene::observation,
                observationValidator::validate,
                (item, receivedAt, position) -> ObservationEvents.toEvent(item, sender, receivedAt, position),
                InputKind.LAB_OR_VITAL_OBSERVATIONS);
    }

    public Outcome therapyEvents(Submission submission, List<TherapyEventSubmission> events) {
        return record(
                submission,
                events,
                InputHygiene::therapyEvent,
                therapyEvents::validate,
                (valid, receivedAt, position) ->
                        TherapyEvents.toEvent(valid, submission.sourceSystem(), receivedAt, position),
                InputKind.THERAPY_EVENTS);
    }

    public Outcome neuroAssessments(Submission submission, List<NeuroAssessmentSubmission> assessments) {
        return record(
                submission,
                assessments,
                InputHygiene::neuroAssessment,
                neuroAssessments::validate,
                (valid, receivedAt, position) ->
                        NeuroAssessments.toEvent(valid, submission.sourceSystem(), receivedAt, position),
                InputKind.NEURO_ASSESSMENTS);
    }

    public Outcome clinicalFindings(Submission submission, List<ClinicalFindingSubmission> findings) {
        return record(
                submission,
                findings,
                ClinicalFindings::hygiene,
                clinicalFindings::validate,
                (valid, receivedAt, position) ->
                        ClinicalFindings.toEvent(valid, submission.sourceSystem(), receivedAt, position),
                InputKind.CLINICAL_FINDINGS);
    }

    public Outcome dosePlans(Submission submission, List<DosePlanSubmission> plans) {
        return record(
                submission,
                plans,
                DosePlans::hygiene,
                dosePlans::validate,
                (valid, receivedAt, position) ->
                        DosePlans.toEvent(valid, submission.sourceSystem(), receivedAt, position),
                InputKind.DOSE_PLANS);
    }

    public Outcome patients(Submission submission, List<PatientSubmission> submitted) {
        return record(
                submission,
                submitted,
                Patients::hygiene,
                patients::validate,
                (valid, receivedAt, position) ->
                        Patients.toEvent(valid, submission.sourceSystem(), receivedAt, position),
                InputKind.PATIENTS);
    }

    /** Validates what a message said about a patient as every entry point does. */
    public Derived patient(String sourceSystem, PatientSubmission patient, Instant now) {
        List<Violation> violations = Patients.hygiene(patient);
        if (violations.isEmpty()) {
            violations = patients.validate(patient, now);
        }
        return violations.isEmpty()
                ? Derived.valid(receivedAt -> Patients.toEvent(patient, sourceSystem, receivedAt, ""))
                : Derived.invalid(violations);
    }

    /** Validates a clinical finding as every entry point does. */
    public Derived clinicalFinding(String sourceSystem, ClinicalFindingSubmission finding, Instant now) {
        List<Violation> violations = ClinicalFindings.hygiene(finding);
        if (violations.isEmpty()) {
            violations = clinicalFindings.validate(finding, now);
        }
        return violations.isEmpty()
                ? Derived.valid(receivedAt -> ClinicalFindings.toEvent(finding, sourceSystem, receivedAt))
                : Derived.invalid(violations);
    }

    /** Validates a dose plan as every entry point does. */
    public Derived dosePlan(String sourceSystem, DosePlanSubmission plan, Instant now) {
        List<Violation> violations = DosePlans.hygiene(plan);
        if (violations.isEmpty()) {
            violations = dosePlans.validate(plan, now);
        }
        return violations.isEmpty()
                ? Derived.valid(receivedAt -> DosePlans.toEvent(plan, sourceSystem, receivedAt))
                : Derived.invalid(violations);
    }

    /** A body that could not even be read as items: rejected whole and kept in the dead-letter topic. */
    public Outcome unreadable(Submission submission, Violation violation, InputKind targetKind) {
        return unreadable(submission, List.of(violation), targetKind);
    }

    /** A message that could not be read far enough to find its items, with every reason found. */
    public Outcome unreadable(Submission submission, List<Violation> violations, InputKind targetKind) {
        return reject(submission, violations, targetKind, clock.instant());
    }

    /**
     * The way in for a message its adapter translated into items: each validated by the rules every entry point
     * shares, what they find reported where the sender wrote it, and the whole published or rejected at once.
     */
    public Outcome record(Submission submission, InputKind kind, List<SubmittedItem> items) {
        Instant now = clock.instant();
        List<Derived> derived = items.stream()
                .map(item -> located(submission.sourceSystem(), item, now))
                .toList();
        return derived(submission, derived, kind);
    }

    /** Read problems first; the shared rules' findings where they say something about another field. */
    private Derived located(String sender, SubmittedItem item, Instant now) {
        Derived validated = switch (item) {
            case SubmittedItem.Observation observation -> observation(sender, observation.observation(), now);
            case SubmittedItem.TherapyEvent therapy -> therapyEvent(sender, therapy.event(), now);
            case SubmittedItem.Patient patient -> patient(sender, patient.patient(), now);
        };
        // A result ToxWatch does not monitor is skipped whatever could not be read of it (a text range, an odd value).
        if (validated.skipped()
                || item.readProblems().isEmpty() && validated.violations().isEmpty()) {
            return validated;
        }
        var violations = new ArrayList<>(item.readProblems());
        Set<String> alreadyReported =
                item.readProblems().stream().map(Violation::field).collect(Collectors.toSet());
        validated.violations().stream()
                .map(item::located)
                .filter(violation -> !alreadyReported.contains(violation.field()))
                .forEach(violations::add);
        return Derived.invalid(violations);
    }

    /**
     * Several kinds of event derived from one message (an HL7 ORU^R01 with lab results and vital signs, or a
     * FHIR transaction): validated together, published together, acknowledged together.
     *
     * @param validated each item's violations (already located, e.g. {@code OBX^3^5}) or its event; may be
     *     empty (a medication feed carrying only drugs ToxWatch does not track): accepted, nothing published
     */
    public Outcome derived(Submission submission, List<Derived> validated, InputKind deadLetterTarget) {
        Instant now = clock.instant();
        return claimed(submission, now, deadLetterTarget, () -> {
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
                    validated.stream()
                            .map(Derived::notMonitored)
                            .filter(java.util.Objects::nonNull)
                            .toList(),
                    now);
        });
    }

    /**
     * One item derived from a message: its violations, a way to build its event, or nothing (skipped).
     *
     * @param notMonitored the code of a result skipped as not monitored; its problems, if any, are not reported
     */
    public record Derived(
            List<Violation> violations,
            @Nullable Function<Instant, Object> event,
            @Nullable String notMonitored) {

        public Derived(List<Violation> violations, @Nullable Function<Instant, Object> event) {
            this(violations, event, null);
        }

        /**
         * A result ToxWatch does not monitor (see {@link LocalCodes#notMonitored}): counted, archived and named in
         * the answer, never an error whatever else is wrong with it.
         */
        public static Derived notMonitored(String code) {
            return new Derived(List.of(), null, code);
        }

        public static Derived invalid(List<Violation> violations) {
            return new Derived(List.copyOf(violations), receivedAt -> {
                throw new IllegalStateException("an invalid item has no event");
            });
        }

        public static Derived valid(Function<Instant, Object> event) {
            return new Derived(List.of(), event);
        }

        /** Whether the item is a result skipped as not monitored (adapters add no problems of their own to it). */
        public boolean skipped() {
            return notMonitored != null;
        }

        Object event(Instant receivedAt) {
            return java.util.Objects.requireNonNull(event, "an ignored item has no event")
                    .apply(receivedAt);
        }

        boolean recorded() {
            return event != null;
        }
    }

    /**
     * Validates an observation as every entry point does: local codes mapped, a result ToxWatch does not monitor
     * skipped, malformed input refused, then the clinical rules.
     */
    public Derived observation(String sourceSystem, ObservationSubmission observation, Instant now) {
        ObservationSubmission mapped = localCodes.resolve(sourceSystem, observation);
        var notMonitored = localCodes.notMonitored(sourceSystem, mapped);
        if (notMonitored.isPresent()) {
            return Derived.notMonitored(notMonitored.get());
        }
        List<Violation> malformed = InputHygiene.observation(mapped);
        if (!malformed.isEmpty()) {
            return Derived.invalid(malformed);
        }
        List<Violation> violations = observationValidator.validate(mapped, now);
        return violations.isEmpty()
                ? Derived.valid(receivedAt -> ObservationEvents.toEvent(mapped, sourceSystem, receivedAt))
                : Derived.invalid(violations);
    }

    /** Validates a therapy event as every entry point does. */
    public Derived therapyEvent(String sourceSystem, TherapyEventSubmission event, Instant now) {
        List<Violation> malformed = InputHygiene.therapyEvent(event);
        if (!malformed.isEmpty()) {
            return Derived.invalid(malformed);
        }
        List<Violation> violations = therapyEvents.validate(event, now);
        return violations.isEmpty()
                ? Derived.valid(receivedAt -> TherapyEvents.toEvent(event, sourceSystem, receivedAt))
                : Derived.invalid(violations);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Builds an item's event; {@code position} is the item's place in the body (part of its identity). */
    @FunctionalInterface
    private interface EventBuilder<S> {
        @Nullable
        Object build(S item, Instant receivedAt, String position);
    }

    private <S> Outcome record(
            Submission submission,
            List<S> items,
            Function<S, List<Violation>> hygiene,
            BiFunction<S, Instant, List<Violation>> validate,
            EventBuilder<S> toEvent,
            InputKind deadLetterTarget) {
        return record(submission, items, item -> Optional.empty(), hygiene, validate, toEvent, deadLetterTarget);
    }

    /** @param notMonitored the code of an item that is skipped as not monitored, or empty for an item to record */
    private <S> Outcome record(
            Submission submission,
            List<S> items,
            Function<S, Optional<String>> notMonitored,
            Function<S, List<Violation>> hygiene,
            BiFunction<S, Instant, List<Violation>> validate,
            EventBuilder<S> toEvent,
            InputKind deadLetterTarget) {
        Instant now = clock.instant();
        List<Optional<String>> skipped = items.stream().map(notMonitored).toList();
        var malformed = new ArrayList<Violation>();
        for (int i = 0; i < items.size(); i++) {
            if (skipped.get(i).isEmpty()) {
                malformed.addAll(located(hygiene.apply(items.get(i)), i, items.size()));
            }
        }
        if (!malformed.isEmpty()) {
            // Not claimed: a malformed id must not key the archive, and a fixed resend is judged afresh anyway.
            return reject(unkeyed(submission), malformed, deadLetterTarget, now);
        }
        return claimed(submission, now, deadLetterTarget, () -> {
            var violations = new ArrayList<Violation>();
            if (items.isEmpty()) {
                violations.add(new Violation("body", "contains no item"));
            }
            for (int i = 0; i < items.size(); i++) {
                if (skipped.get(i).isEmpty()) {
                    violations.addAll(located(validate.apply(items.get(i), now), i, items.size()));
                }
            }
            if (!violations.isEmpty()) {
                return reject(submission, violations, deadLetterTarget, now);
            }
            List<Object> events = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object event = skipped.get(i).isPresent() ? null : toEvent.build(items.get(i), now, "#" + i);
                if (event != null) {
                    events.add(event);
                }
            }
            return publish(
                    submission,
                    events,
                    skipped.stream().flatMap(Optional::stream).toList(),
                    now);
        });
    }

    private static List<Violation> located(List<Violation> found, int index, int count) {
        return count == 1 ? found : found.stream().map(v -> v.atIndex(index)).toList();
    }

    private Outcome claimed(Submission submission, Instant now, InputKind deadLetterTarget, Supplier<Outcome> process) {
        List<Violation> malformedOrigin = InputHygiene.origin(submission.sourceSystem(), submission.messageId());
        if (!malformedOrigin.isEmpty()) {
            return reject(unkeyed(submission), malformedOrigin, deadLetterTarget, now);
        }
        return switch (archive.claim(submission, now)) {
            case InboundArchive.Claim.AlreadyAccepted accepted ->
                new Outcome.Accepted(accepted.eventIds(), true, false, accepted.notMonitored());
            case InboundArchive.Claim.InProgress inProgress -> new Outcome.InProgress();
            case InboundArchive.Claim.First first -> {
                try {
                    Outcome outcome = process.get();
                    yield first.controlIdReused() && outcome instanceof Outcome.Accepted accepted
                            ? new Outcome.Accepted(accepted.eventIds(), false, true, accepted.notMonitored())
                            : outcome;
                } catch (RuntimeException e) {
                    archive.release(submission);
                    throw e;
                }
            }
        };
    }

    private static Submission unkeyed(Submission submission) {
        return new Submission(
                submission.protocol(),
                submission.sourceSystem(),
                null,
                submission.rawPayload(),
                submission.contentKey());
    }

    private Outcome publish(Submission submission, List<Object> payloads, List<String> notMonitored, Instant now) {
        List<OutboundEvent> events =
                payloads.stream().map(RecordClinicalEvents::outbound).toList();
        publisher.publishAll(events);
        List<UUID> eventIds = events.stream().map(e -> eventIdOf(e.payload())).toList();
        archive.recordAccepted(submission, eventIds, notMonitored, now);
        return new Outcome.Accepted(eventIds, false, false, notMonitored);
    }

    /** A record of a rejection fits any Kafka record and any JSON writer, however large or malformed the input. */
    private static final int KEPT_PAYLOAD_CHARS = 128 * 1024;

    private static final int KEPT_REASONS = 100;
    private static final int KEPT_REASON_CHARS = 1024;
    private static final int KEPT_ID_CHARS = 256;

    private Outcome reject(Submission submission, List<Violation> violations, InputKind targetKind, Instant now) {
        List<String> reasons = new ArrayList<>(violations.stream()
                .limit(KEPT_REASONS)
                .map(v -> InputHygiene.storable(v.toString(), KEPT_REASON_CHARS))
                .toList());
        if (violations.size() > KEPT_REASONS) {
            reasons.add("... and " + (violations.size() - KEPT_REASONS) + " more");
        }
        String sender = InputHygiene.storable(submission.sourceSystem(), KEPT_ID_CHARS);
        String messageId =
                submission.messageId() == null ? null : InputHygiene.storable(submission.messageId(), KEPT_ID_CHARS);
        var rejected = new RejectedSubmission(
                targetKind,
                UUID.randomUUID(),
                now,
                submission.protocol(),
                sender,
                messageId,
                reasons,
                InputHygiene.storable(submission.rawPayload(), KEPT_PAYLOAD_CHARS));
        publisher.publishAll(List.of(new OutboundEvent(sender, rejected)));
        archive.recordRejected(submission, rejected.eventId(), targetKind, rejected.reasons(), now);
        return new Outcome.Rejected(rejected.eventId(), List.copyOf(violations));
    }

    private static OutboundEvent outbound(Object event) {
        if (event instanceof ClinicalRecord record) {
            return new OutboundEvent(record.patientId(), record);
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass());
    }

    private static UUID eventIdOf(Object event) {
        if (event instanceof ClinicalRecord record) {
            return record.eventId();
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass());
    }
}
