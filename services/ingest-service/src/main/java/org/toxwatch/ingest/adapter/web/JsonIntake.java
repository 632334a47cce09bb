package org.toxwatch.ingest.adapter.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.toxwatch.ingest.application.EventPublisher.EventsNotStored;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.application.RejectedMessages.RejectedMessage;
import org.toxwatch.ingest.application.ReplayRejectedMessage;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.ingest.domain.ClinicalFindingSubmission;
import org.toxwatch.ingest.domain.DosePlanSubmission;
import org.toxwatch.ingest.domain.NeuroAssessmentSubmission;
import org.toxwatch.ingest.domain.PatientSubmission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.platform.LogValues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * The JSON entry point without HTTP: reads a body of one item or an array, records it through the shared use
 * case and counts the outcome. The controller and the operator's replay both come through here, so a replayed
 * body is judged exactly as a posted one. Whatever a body holds (a {@code null}, bytes that are not UTF-8, more
 * than the size limit, something that trips a fault here) it is answered specifically and kept as a reject.
 */
@Component
final class JsonIntake implements ReplayRejectedMessage.ProtocolReplay {

    static final String PROTOCOL = "JSON";
    private static final Logger log = LoggerFactory.getLogger(JsonIntake.class);

    private final RecordClinicalEvents recordClinicalEvents;
    private final IngestMonitor monitor;
    private final ObjectReader reader;

    JsonIntake(RecordClinicalEvents recordClinicalEvents, IngestMonitor monitor, ObjectMapper objectMapper) {
        this.recordClinicalEvents = recordClinicalEvents;
        this.monitor = monitor;
        this.reader = objectMapper
                .reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    Outcome observations(String body, String sourceSystem) {
        return faultsAnsweredAsRejects(
                body,
                sourceSystem,
                InputKind.LAB_OR_VITAL_OBSERVATIONS,
                () -> read(
                                body,
                                ObservationRequest.class,
                                sourceSystem,
                                "an observation",
                                InputKind.LAB_OR_VITAL_OBSERVATIONS)
                        .map(requests -> unreadableFields(requests, ObservationRequest::unreadable)
                                .<Outcome>map(violations -> recordClinicalEvents.unreadable(
                                        new Submission(PROTOCOL, sourceSystem, null, body),
                                        violations,
                                        InputKind.LAB_OR_VITAL_OBSERVATIONS))
                                .orElseGet(() -> recordClinicalEvents.observations(
                                        new Submission(
                                                PROTOCOL,
                                                sourceSystem,
                                                messageIdOf(requests.stream().map(ObservationRequest::sourceMessageId)),
                                                body),
                                        requests.stream()
                                                .map(ObservationRequest::toSubmission)
                                                .toList()))));
    }

    /** Fields the domain cannot even hold (a comparator that is no comparator), located by item. */
    private static <T> java.util.Optional<List<Violation>> unreadableFields(
            List<T> items, Function<T, List<Violation>> unreadable) {
        var found = new ArrayList<Violation>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            unreadable.apply(items.get(i)).stream()
                    .map(violation -> items.size() == 1 ? violation : violation.atIndex(index))
                    .forEach(found::add);
        }
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found);
    }

    Outcome therapyEvents(String body, String sourceSystem) {
        return faultsAnsweredAsRejects(
                body,
                sourceSystem,
                InputKind.THERAPY_EVENTS,
                () -> read(body, TherapyEventRequest.class, sourceSystem, "a therapy event", InputKind.THERAPY_EVENTS)
                        .map(requests -> recordClinicalEvents.therapyEvents(
                                new Submission(
                                        PROTOCOL,
                                        sourceSystem,
                                        messageIdOf(requests.stream().map(TherapyEventRequest::sourceMessageId)),
                                        body),
                                requests.stream()
                                        .map(TherapyEventRequest::toSubmission)
                                        .toList())));
    }

    /**
     * The body is read straight into the domain's {@link NeuroAssessmentSubmission}: its JSON has the same
     * flat shape, e.g. {@code {"patientId":"MRN-0003","assessedAt":"2026-11-20T08:00:00Z","iceScore":6,
     * "consciousness":"AWAKENS_TO_VOICE","seizure":"NONE","sourceMessageId":"neuro-12"}}.
     */
    Outcome neuroAssessments(String body, String sourceSystem) {
        return faultsAnsweredAsRejects(
                body,
                sourceSystem,
                InputKind.NEURO_ASSESSMENTS,
                () -> read(
                                body,
                                NeuroAssessmentSubmission.class,
                                sourceSystem,
                                "a neurological assessment",
                                InputKind.NEURO_ASSESSMENTS)
                        .map(assessments -> recordClinicalEvents.neuroAssessments(
                                new Submission(
                                        PROTOCOL,
                                        sourceSystem,
                                        messageIdOf(
                                                assessments.stream().map(NeuroAssessmentSubmission::sourceMessageId)),
                                        body),
                                assessments)));
    }

    /**
     * Read straight into the domain's {@link ClinicalFindingSubmission}, e.g. {@code {"patientId":"MRN-0003",
     * "finding":"VOD_SOS_DIAGNOSED","observedAt":"2026-11-20T08:00:00Z","sourceFindingId":"dx-4",
     * "sourceMessageId":"dx-4-1"}}; a coded finding as {@code "code":"http://snomed.info/sct|65617004"}, a withdrawal
     * with {@code "present":false}.
     */
    Outcome clinicalFindings(String body, String sourceSystem) {
        return faultsAnsweredAsRejects(
                body,
                sourceSystem,
                InputKind.CLINICAL_FINDINGS,
                () -> read(
                                body,
                                ClinicalFindingSubmission.class,
                                sourceSystem,
                                "a clinical finding",
                                InputKind.CLINICAL_FINDINGS)
                        .map(findings -> recordClinicalEvents.clinicalFindings(
                                new Submission(
                                        PROTOCOL,
                                        sourceSystem,
                                        messageIdOf(findings.stream().map(ClinicalFindingSubmission::sourceMessageId)),
                                        body),
                                findings)));
    }

    /**
     * Read straight into the domain's {@link DosePlanSubmission}, e.g. {@code {"patientId":"MRN-0003",
     * "therapy":"INOTUZUMAB_OZOGAMICIN","cycle":1,"cycleDay":1,"plannedFor":"2026-11-21T09:00:00Z",
     * "orderedAt":"2026-11-20T08:00:00Z","dose":0.8,"doseUnit":"mg/m2","sourcePlanId":"ord-9",
     * "sourceMessageId":"ord-9-1"}}; {@code "cancelled":true} withdraws the plan of the same sourcePlanId.
     */
    Outcome dosePlans(String body, String sourceSystem) {
        return faultsAnsweredAsRejects(
                body,
                sourceSystem,
                InputKind.DOSE_PLANS,
                () -> read(body, DosePlanSubmission.class, sourceSystem, "a dose plan", InputKind.DOSE_PLANS)
                        .map(plans -> recordClinicalEvents.dosePlans(
                                new Submission(
                                        PROTOCOL,
                                        sourceSystem,
                                        messageIdOf(plans.stream().map(DosePlanSubmission::sourceMessageId)),
                                        body),
                                plans)));
    }

    /**
     * Read straight into the domain's {@link PatientSubmission}, e.g. {@code {"patientId":"MRN-0004",
     * "encounterEvent":"TRANSFERRED","identifiers":[{"value":"0004","assigningAuthority":"CHILDRENS","type":"MR"}],
     * "familyName":"Example","givenName":"Mia","birthDate":"2020-03-14","sex":"female","weightKg":21.4,
     * "location":{"ward":"PICU","room":"4","bed":"B"},"attending":"Dr A. Attending",
     * "recordedAt":"2026-11-16T06:55:00Z","sourceMessageId":"adt-42"}}. The birth date is text, read by the domain,
     * so that a malformed one is named by its field and never quoted back.
     */
    Outcome patients(String body, String sourceSystem) {
        return faultsAnsweredAsRejects(
                body,
                sourceSystem,
                InputKind.PATIENTS,
                () -> read(body, PatientSubmission.class, sourceSystem, "a patient", InputKind.PATIENTS)
                        .map(patients -> recordClinicalEvents.patients(
                                new Submission(
                                        PROTOCOL,
                                        sourceSystem,
                                        messageIdOf(patients.stream().map(PatientSubmission::sourceMessageId)),
                                        body),
                                patients)));
    }

    /** A body whose bytes are not UTF-8: refused as received, never read with replaced characters. */
    Outcome malformed(String lenientText, String problem, String sourceSystem, InputKind kind) {
        return measured(() -> recordClinicalEvents.unreadable(
                new Submission(PROTOCOL, sourceSystem, null, lenientText), new Violation("body", problem), kind));
    }

    /** A body over the size limit: only its head is kept. */
    Outcome tooLarge(String head, long size, int limit, String sourceSystem, InputKind kind) {
        return measured(() -> recordClinicalEvents.unreadable(
                new Submission(
                        PROTOCOL,
                        sourceSystem,
                        null,
                        head + "\n[truncated at " + head.length() + " of " + size + " bytes]"),
                new Violation(
                        "body",
                        "is " + size + " bytes long; at most " + limit
                                + " are accepted (toxwatch.ingest.max-body-bytes): send fewer items at a time"),
                kind));
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ReplayRejectedMessage.Result replay(RejectedMessage message) {
        Outcome outcome = switch (message.kind()) {
            case THERAPY_EVENTS -> therapyEvents(message.rawPayload(), message.sourceSystem());
            case NEURO_ASSESSMENTS -> neuroAssessments(message.rawPayload(), message.sourceSystem());
            case CLINICAL_FINDINGS -> clinicalFindings(message.rawPayload(), message.sourceSystem());
            case DOSE_PLANS -> dosePlans(message.rawPayload(), message.sourceSystem());
            case PATIENTS -> patients(message.rawPayload(), message.sourceSystem());
            case LAB_OR_VITAL_OBSERVATIONS -> observations(message.rawPayload(), message.sourceSystem());
        };
        return switch (outcome) {
            case Outcome.Accepted accepted ->
                new ReplayRejectedMessage.Result(
                        true, "accepted: " + accepted.eventIds().size() + " event(s)");
            case Outcome.Rejected rejected ->
                new ReplayRejectedMessage.Result(
                        false,
                        "rejected again: " + rejected.violations().getFirst() + " ("
                                + rejected.violations().size() + " problem(s))");
            case Outcome.InProgress inProgress ->
                new ReplayRejectedMessage.Result(false, "in progress: the same message is being stored");
        };
    }

    /**
     * A JSON body has no message id of its own: its items' source message ids, together, identify it. Null
     * when an item lacks one (it is then rejected, and nothing could recognise its resend anyway).
     */
    static @Nullable String messageIdOf(Stream<@Nullable String> sourceMessageIds) {
        List<@Nullable String> ids = sourceMessageIds.toList();
        if (ids.isEmpty() || ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            return null;
        }
        return ids.stream().map(String::trim).distinct().sorted().collect(Collectors.joining(","));
    }

    private Outcome measured(java.util.function.Supplier<Outcome> intake) {
        Instant arrived = Instant.now();
        try {
            Outcome outcome = faultsKept(intake);
            monitor.answered(PROTOCOL, answerOf(outcome), Duration.between(arrived, Instant.now()));
            if (outcome instanceof Outcome.Rejected rejected) {
                rejected.violations().forEach(v -> monitor.rejected(PROTOCOL, reasonOf(v)));
            }
            if (outcome instanceof Outcome.Accepted accepted && !accepted.resend()) {
                monitor.notMonitored(PROTOCOL, accepted.skipped());
            }
            return outcome;
        } catch (EventsNotStored e) {
            monitor.answered(PROTOCOL, IngestMonitor.Answer.NOT_STORED, Duration.between(arrived, Instant.now()));
            throw e;
        }
    }

    /**
     * A fault while reading or recording a body is a problem with that body: a resend would meet it again, so
     * it is answered as a reject (never "retry later") and kept for operators to review and replay.
     */
    private Outcome faultsKept(java.util.function.Supplier<Outcome> intake) {
        try {
            return intake.get();
        } catch (EventsNotStored e) {
            throw e;
        } catch (RuntimeException e) {
            // No stack trace: exception messages may quote the body.
            log.error("JSON submission could not be processed: {}", LogValues.failure(e));
            throw new BodyFault(e);
        }
    }

    /** Carries a fault up to where the body is known, so that it can be kept. */
    private static final class BodyFault extends RuntimeException {
        BodyFault(RuntimeException cause) {
            super(cause);
        }
    }

    private Outcome faultsAnsweredAsRejects(
            String body, String sourceSystem, InputKind kind, java.util.function.Supplier<Outcome> intake) {
        try {
            return measured(intake);
        } catch (BodyFault fault) {
            return kept(fault, body, sourceSystem, kind);
        }
    }

    private Outcome kept(BodyFault fault, String body, String sourceSystem, InputKind kind) {
        return measured(() -> recordClinicalEvents.unreadable(
                new Submission(PROTOCOL, sourceSystem, null, body),
                new Violation(
                        "body",
                        "could not be processed (" + fault.getCause().getClass().getSimpleName()
                                + "); kept for the operators to review and replay"),
                kind));
    }

    private static IngestMonitor.Answer answerOf(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Accepted accepted ->
                accepted.resend()
                        ? IngestMonitor.Answer.RESEND
                        : accepted.controlIdReused()
                                ? IngestMonitor.Answer.CONTROL_ID_REUSED
                                : IngestMonitor.Answer.ACCEPTED;
            case Outcome.Rejected rejected -> IngestMonitor.Answer.REJECTED;
            case Outcome.InProgress inProgress -> IngestMonitor.Answer.IN_PROGRESS;
        };
    }

    /** {@code [2].unit} counts as {@code unit}: the tag names the field, not the position. */
    private static String reasonOf(Violation violation) {
        String field = violation.field().replaceAll("\\[\\d+]\\.?", "");
        return field.isEmpty() ? "body" : field;
    }

    private <T> Read<T> read(String body, Class<T> type, String sourceSystem, String kind, InputKind inputKind) {
        try {
            List<@Nullable T> items;
            if (body.stripLeading().startsWith("[")) {
                items = reader.forType(reader.typeFactory().constructCollectionType(List.class, type))
                        .readValue(body);
            } else {
                T single = reader.forType(type).readValue(body);
                items = single == null ? null : List.of(single);
            }
            var absent = new ArrayList<Violation>();
            if (items == null) {
                absent.add(new Violation("body", "is null: send " + kind + " or an array of them"));
            } else {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) == null) {
                        absent.add(new Violation("[" + i + "]", "is null: send " + kind));
                    }
                }
            }
            if (!absent.isEmpty()) {
                var unread = new Submission(PROTOCOL, sourceSystem, null, body);
                return new Read<>(List.of(), recordClinicalEvents.unreadable(unread, absent, inputKind));
            }
            @SuppressWarnings("unchecked") // every item was checked above
            List<T> present = (List<T>) items;
            return new Read<>(present, null);
        } catch (JacksonException e) {
            // Jackson quotes the offending text, which in a patient body may be a name, a birth date or an id.
            String detail = inputKind == InputKind.PATIENTS
                    ? "has the wrong type, or the body is not well-formed JSON"
                    : e.getOriginalMessage();
            var violation = new Violation(fieldOf(e), "is not valid JSON for " + kind + ": " + detail);
            var unread = new Submission(PROTOCOL, sourceSystem, null, body);
            return new Read<>(List.of(), recordClinicalEvents.unreadable(unread, violation, inputKind));
        }
    }

    private static String fieldOf(JacksonException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    private record Read<T>(List<T> items, @Nullable Outcome failure) {
        Outcome map(Function<List<T>, Outcome> onRead) {
            return failure != null ? failure : onRead.apply(items);
        }
    }
}
