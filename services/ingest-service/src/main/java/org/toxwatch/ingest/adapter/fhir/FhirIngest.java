package org.toxwatch.ingest.adapter.fhir;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.ingest.application.EventPublisher.EventsNotStored;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Derived;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.platform.LogValues;

/**
 * Receives FHIR resources and Bundles and answers as a FHIR server does, with nothing acknowledged before Kafka
 * holds it. Every resource goes through {@link RecordClinicalEvents}' one validation path; this class only maps,
 * locates findings by FHIRPath and shapes the answer.
 *
 * <ul>
 *   <li>a resource: 201 with an OperationOutcome naming the event ids (200 for a recognised resend), 400 with
 *       every problem, 503 when Kafka did not store it or another copy is being stored;
 *   <li>a batch: each entry on its own (its own idempotency key, its own dead-letter record), answered in a
 *       batch-response Bundle with per-entry status and outcome (HTTP 200);
 *   <li>a transaction: all entries validated and published together or none (HTTP 200 with a
 *       transaction-response Bundle, or 400/503 with one OperationOutcome).
 * </ul>
 */
final class FhirIngest {

    static final String PROTOCOL = "FHIR";
    static final String OBSERVATION = "Observation";
    static final String MEDICATION_ADMINISTRATION = "MedicationAdministration";
    static final String CONDITION = "Condition";
    static final String MEDICATION_REQUEST = "MedicationRequest";
    static final String PATIENT = "Patient";
    static final String ENCOUNTER = "Encounter";
    private static final java.util.Set<String> SUPPORTED =
            java.util.Set.of(OBSERVATION, MEDICATION_ADMINISTRATION, CONDITION, MEDICATION_REQUEST, PATIENT, ENCOUNTER);

    private static final Logger log = LoggerFactory.getLogger(FhirIngest.class);

    private final FhirJson json;
    private final RecordClinicalEvents recordClinicalEvents;
    private final IngestMonitor monitor;
    private final LocatedValidation validation;

    FhirIngest(FhirJson json, RecordClinicalEvents recordClinicalEvents, IngestMonitor monitor) {
        this.json = json;
        this.recordClinicalEvents = recordClinicalEvents;
        this.monitor = monitor;
        this.validation = new LocatedValidation(recordClinicalEvents);
    }

    /** {@code POST /fhir/<type>} for Observation, MedicationAdministration, Condition or MedicationRequest. */
    FhirResponse create(String resourceType, String body, String sender) {
        return faultsAnsweredAsRejects(resourceType, body, sender, () -> createOnce(resourceType, body, sender));
    }

    /** {@code POST /fhir} with a batch or transaction Bundle. */
    FhirResponse bundle(String body, String sender) {
        return faultsAnsweredAsRejects("Bundle", body, sender, () -> bundleOnce(body, sender));
    }

    /** A body whose bytes are not UTF-8 ({@code problem} says where): refused, never read with replacements. */
    FhirResponse malformed(String resourceType, String lenientText, String sender, String problem) {
        return unreadable(
                sender, lenientText, Problem.invalid(resourceType, "the body " + problem), kindOf(resourceType));
    }

    /** A body over the size limit: refused with 413, its head kept like any reject. */
    FhirResponse tooLarge(String resourceType, String head, long size, int limit, String sender) {
        var refused = unreadable(
                sender,
                head + "\n[truncated at " + head.length() + " of " + size + " bytes]",
                Problem.invalid(
                        resourceType,
                        "the body is " + size + " bytes long; at most " + limit
                                + " are accepted (toxwatch.ingest.max-body-bytes): send fewer entries at a time"),
                kindOf(resourceType));
        return refused.status() == FhirResponse.BAD_REQUEST
                ? new FhirResponse(FhirResponse.CONTENT_TOO_LARGE, refused.body(), false)
                : refused;
    }

    /**
     * A fault while reading or recording a body is a problem with that body: a resend would meet it again, so it
     * is answered 400 (never "retry later") and kept for operators to review and replay.
     */
    private FhirResponse faultsAnsweredAsRejects(
            String resourceType, String body, String sender, Supplier<FhirResponse> intake) {
        try {
            return intake.get();
        } catch (EventsNotStored e) {
            throw e;
        } catch (RuntimeException e) {
            // No stack trace: exception messages may quote the resource.
            log.error("FHIR submission could not be processed: {}", LogValues.failure(e));
            return unreadable(
                    sender,
                    body,
                    Problem.invalid(
                            resourceType,
                            "could not be processed (" + e.getClass().getSimpleName()
                                    + "); kept for the operators to review and replay"),
                    kindOf(resourceType));
        }
    }

    private FhirResponse createOnce(String resourceType, String body, String sender) {
        FhirJson.Parsed parsed = json.parse(body);
        if (parsed instanceof FhirJson.Parsed.Unreadable unreadable) {
            return unreadable(sender, body, Problem.invalid(resourceType, unreadable.reason()), kindOf(resourceType));
        }
        Resource resource = ((FhirJson.Parsed.Read) parsed).resource();
        if (!resource.fhirType().equals(resourceType)) {
            return unreadable(
                    sender,
                    body,
                    Problem.invalid(
                            resourceType,
                            "resourceType is '" + resource.fhirType() + "': POST /fhir/" + resourceType + " takes a "
                                    + resourceType),
                    kindOf(resourceType));
        }
        return single(resource, body, sender);
    }

    private FhirResponse bundleOnce(String body, String sender) {
        FhirJson.Parsed parsed = json.parse(body);
        if (parsed instanceof FhirJson.Parsed.Unreadable unreadable) {
            return unreadable(
                    sender, body, Problem.invalid("Bundle", unreadable.reason()), InputKind.LAB_OR_VITAL_OBSERVATIONS);
        }
        Resource resource = ((FhirJson.Parsed.Read) parsed).resource();
        if (!(resource instanceof Bundle bundle)) {
            return unreadable(
                    sender,
                    body,
                    Problem.invalid(
                            "Bundle",
                            "resourceType is '" + resource.fhirType() + "': POST /fhir takes a Bundle; post a single"
                                    + " resource to /fhir/" + resource.fhirType()),
                    InputKind.LAB_OR_VITAL_OBSERVATIONS);
        }
        Bundle.BundleType type = bundle.hasType() ? bundle.getType() : Bundle.BundleType.NULL;
        return switch (type) {
            case BATCH -> batch(bundle, sender);
            case TRANSACTION -> transaction(bundle, body, sender);
            default ->
                unreadable(
                        sender,
                        body,
                        Problem.notSupported(
                                "Bundle.type",
                                "'" + (bundle.hasType() ? type.toCode() : "")
                                        + "' is not supported: POST /fhir takes a batch or transaction Bundle"),
                        InputKind.LAB_OR_VITAL_OBSERVATIONS);
        };
    }

    /** A body in a format ToxWatch does not read (e.g. FHIR XML): refused and kept like any reject. */
    FhirResponse unsupportedFormat(String resourceType, String body, String sender, String contentType) {
        var refused = unreadable(
                sender,
                body,
                Problem.notSupported(
                        resourceType,
                        "content type '" + contentType + "' is not supported: send application/fhir+json"),
                kindOf(resourceType));
        return refused.status() == FhirResponse.BAD_REQUEST
                ? new FhirResponse(FhirResponse.UNSUPPORTED_MEDIA_TYPE, refused.body(), false)
                : refused;
    }

    private FhirResponse single(Resource resource, String raw, String sender) {
        LocatedValidation.Derivation derivation =
                validation.validate(resource, sender, recordClinicalEvents.now(), UnaryOperator.identity());
        var submission = new Submission(
                PROTOCOL, sender, derivation.messageId(), raw, Submission.digestOf(json.encode(resource)));
        return respond(
                () -> recordClinicalEvents.derived(submission, derivation.derived(), kindOf(resource)),
                derivation.types());
    }

    private FhirResponse batch(Bundle bundle, String sender) {
        var response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
        boolean storeDown = false;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            FhirResponse answer = storeDown
                    ? notStoredAfterEarlierEntry()
                    : entry(bundle.getEntry().get(i), "Bundle.entry[" + i + "]", sender);
            storeDown = storeDown || answer.storeUnavailable();
            response.addEntry().getResponse().setStatus(answer.statusLine()).setOutcome(answer.body());
        }
        return new FhirResponse(FhirResponse.OK, response, false);
    }

    /** One batch entry, answered and kept (archive, dead letters) as if it had been posted alone. */
    private FhirResponse entry(Bundle.BundleEntryComponent entry, String location, String sender) {
        Resource resource = entry.getResource();
        String raw = resource == null ? "{}" : json.encode(resource);
        return entryProblem(entry, location)
                .map(problem -> unreadable(
                        sender,
                        raw,
                        problem,
                        resource == null ? InputKind.LAB_OR_VITAL_OBSERVATIONS : kindOf(resource.fhirType())))
                .orElseGet(() -> single(Objects.requireNonNull(resource), raw, sender));
    }

    private FhirResponse transaction(Bundle bundle, String raw, String sender) {
        Instant now = recordClinicalEvents.now();
        var derived = new ArrayList<Derived>();
        var counts = new ArrayList<Integer>();
        var skipped = new ArrayList<Integer>();
        var keys = new ArrayList<@Nullable String>();
        var types = new HashMap<Violation, IssueType>();
        var patientProblems = new ArrayList<Problem>();
        var patients = TransactionPatients.of(bundle, patientProblems);
        SpecimenConditions.link(bundle);
        for (Problem problem : patientProblems) {
            types.put(problem.toViolation(), problem.type());
            derived.add(Derived.invalid(List.of(problem.toViolation())));
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var entry = bundle.getEntry().get(i);
            String prefix = "Bundle.entry[" + i + "]";
            if (TransactionPatients.isPatient(entry)) {
                if (TransactionPatients.mrnOf((org.hl7.fhir.r4.model.Patient) entry.getResource())
                        .isEmpty()) {
                    counts.add(PATIENT_ENTRY); // TransactionPatients reported it
                    skipped.add(0);
                    continue;
                }
                // Read for its MRN (whatever its request), and recorded when it says more than its identifiers.
                LocatedValidation.Derivation details = validation.validate(
                        entry.getResource(),
                        sender,
                        now,
                        path -> prefix + ".resource.ofType(Patient)" + path.substring(PATIENT.length()));
                derived.addAll(details.derived());
                types.putAll(details.types());
                int recorded = (int) details.derived().stream()
                        .filter(item -> item.event() != null)
                        .count();
                counts.add(recorded == 0 ? PATIENT_ENTRY : recorded);
                skipped.add(0);
                continue;
            }
            if (SpecimenConditions.isSpecimen(entry)) {
                counts.add(SPECIMEN_ENTRY);
                skipped.add(0);
                continue;
            }
            var problem = entryProblem(entry, prefix);
            if (problem.isPresent()) {
                types.put(problem.get().toViolation(), problem.get().type());
                derived.add(Derived.invalid(List.of(problem.get().toViolation())));
                counts.add(1);
                skipped.add(0);
                keys.add(null);
                continue;
            }
            Resource resource = entry.getResource();
            patients.resolve(resource);
            String type = resource.fhirType();
            LocatedValidation.Derivation derivation = validation.validate(
                    resource,
                    sender,
                    now,
                    path -> prefix + ".resource.ofType(" + type + ")" + path.substring(type.length()));
            derived.addAll(derivation.derived());
            // Items skipped as unmonitored publish nothing: only the recorded ones have event ids to hand back.
            counts.add((int) derivation.derived().stream()
                    .filter(item -> item.event() != null)
                    .count());
            skipped.add(
                    (int) derivation.derived().stream().filter(Derived::skipped).count());
            keys.add(derivation.messageId());
            types.putAll(derivation.types());
        }
        var submission = new Submission(
                PROTOCOL, sender, transactionId(bundle, keys), raw, Submission.digestOf(json.encode(bundle)));
        List<Resource> recorded = bundle.getEntry().stream()
                .filter(entry -> !TransactionPatients.isPatient(entry) && !SpecimenConditions.isSpecimen(entry))
                .map(Bundle.BundleEntryComponent::getResource)
                .toList();
        InputKind deadLetters =
                recorded.stream().allMatch(resource -> resource instanceof org.hl7.fhir.r4.model.Encounter)
                        ? InputKind.PATIENTS
                        : recorded.stream().allMatch(resource -> resource instanceof MedicationAdministration)
                                ? InputKind.THERAPY_EVENTS
                                : InputKind.LAB_OR_VITAL_OBSERVATIONS;
        FhirResponse answer = respond(
                () -> recordClinicalEvents.derived(submission, PatientsBeforeTheirResults.of(derived), deadLetters),
                types);
        if (answer.status() != FhirResponse.CREATED && answer.status() != FhirResponse.OK) {
            return answer;
        }
        return new FhirResponse(FhirResponse.OK, transactionResponse(answer, counts, skipped), false);
    }

    /** A Patient entry read for its MRN only: it stated nothing more, and produces no event. */
    private static final int PATIENT_ENTRY = -1;

    /** A Specimen entry: read for the condition of the specimen its Observations reference, produces no event. */
    private static final int SPECIMEN_ENTRY = -2;

    /**
     * The accepted outcome split per entry, in the order the entries produced their events; each entry says how
     * many of its results were stored and how many skipped as not monitored.
     */
    private static Bundle transactionResponse(FhirResponse accepted, List<Integer> counts, List<Integer> skipped) {
        var outcome = (OperationOutcome) accepted.body();
        var ids = outcome.getIssueFirstRep().getDetails().getCoding();
        boolean resend = accepted.status() == FhirResponse.OK && !ids.isEmpty();
        var response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        int next = 0;
        for (int entry = 0; entry < counts.size(); entry++) {
            int count = counts.get(entry);
            if (count == PATIENT_ENTRY) {
                response.addEntry().getResponse().setStatus("200 OK").setOutcome(Outcomes.patientRead());
                continue;
            }
            if (count == SPECIMEN_ENTRY) {
                response.addEntry().getResponse().setStatus("200 OK").setOutcome(Outcomes.specimenRead());
                continue;
            }
            List<UUID> entryIds = ids.subList(next, Math.min(next + count, ids.size())).stream()
                    .map(coding -> UUID.fromString(coding.getCode()))
                    .toList();
            next += count;
            response.addEntry()
                    .getResponse()
                    .setStatus(resend || entryIds.isEmpty() ? "200 OK" : "201 Created")
                    .setOutcome(Outcomes.accepted(entryIds, resend, false, skipped.get(entry)));
        }
        return response;
    }

    /**
     * A transaction's idempotency key: its {@code Bundle.identifier}, else its entries' keys together (null when
     * one lacks a key; it is then rejected for that entry anyway).
     */
    private static @Nullable String transactionId(Bundle bundle, List<@Nullable String> entryKeys) {
        String identifier =
                bundle.hasIdentifier() ? SharedElements.identifierKey(List.of(bundle.getIdentifier())) : null;
        if (identifier != null) {
            return identifier + "#transaction";
        }
        if (entryKeys.isEmpty() || entryKeys.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return entryKeys.stream().map(Objects::requireNonNull).sorted().collect(Collectors.joining(","));
    }

    /** Only creates of the two supported resource types can be entries. */
    private static Optional<Problem> entryProblem(Bundle.BundleEntryComponent entry, String prefix) {
        if (entry.hasRequest()
                && entry.getRequest().hasMethod()
                && entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
            return Optional.of(Problem.notSupported(
                    prefix + ".request.method",
                    "'" + entry.getRequest().getMethod().toCode() + "' is not supported: entries are created (POST)"));
        }
        Resource resource = entry.getResource();
        if (resource == null) {
            return Optional.of(Problem.invalid(prefix + ".resource", "is required"));
        }
        if (!SUPPORTED.contains(resource.fhirType())) {
            return Optional.of(Problem.notSupported(
                    prefix + ".resource",
                    "a " + resource.fhirType() + " is not supported: entries are Observation,"
                            + " MedicationAdministration, Condition, MedicationRequest, Patient or Encounter"));
        }
        return Optional.empty();
    }

    private FhirResponse respond(Supplier<Outcome> record, Map<Violation, IssueType> types) {
        Instant started = Instant.now();
        Outcome outcome;
        try {
            outcome = record.get();
        } catch (EventsNotStored e) {
            log.warn("FHIR submission not stored, sender told to retry: {}", e.getMessage());
            monitor.answered(PROTOCOL, IngestMonitor.Answer.NOT_STORED, Duration.between(started, Instant.now()));
            return notStored(e.getMessage());
        }
        monitor.answered(PROTOCOL, answerOf(outcome), Duration.between(started, Instant.now()));
        if (outcome instanceof Outcome.Rejected rejected) {
            rejected.violations().forEach(violation -> monitor.rejected(PROTOCOL, reasonOf(violation)));
        }
        if (outcome instanceof Outcome.Accepted accepted && !accepted.resend()) {
            monitor.notMonitored(PROTOCOL, accepted.skipped());
        }
        return switch (outcome) {
            case Outcome.Accepted accepted ->
                new FhirResponse(
                        accepted.resend() || accepted.eventIds().isEmpty() ? FhirResponse.OK : FhirResponse.CREATED,
                        Outcomes.accepted(
                                accepted.eventIds(), accepted.resend(), accepted.controlIdReused(), accepted.skipped()),
                        false);
            case Outcome.Rejected rejected ->
                new FhirResponse(FhirResponse.BAD_REQUEST, Outcomes.rejected(rejected, types), false);
            case Outcome.InProgress inProgress ->
                new FhirResponse(
                        FhirResponse.SERVICE_UNAVAILABLE,
                        Outcomes.retryLater("Another copy of this message is being stored right now. Retry later for"
                                + " its outcome."),
                        false);
        };
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

    /**
     * The element without positions or the Bundle around it ({@code Observation.valueQuantity.code}): a bounded
     * tag that names where, never what.
     */
    static String reasonOf(Violation violation) {
        return violation
                .field()
                .replaceFirst("^Bundle\\.entry\\[\\d+]\\.resource\\.ofType\\((\\w+)\\)", "$1")
                .replaceAll("\\[\\d+]", "");
    }

    /** Kafka just failed an earlier entry: the rest are not tried, so a batch fails fast rather than times out. */
    private FhirResponse notStoredAfterEarlierEntry() {
        monitor.answered(PROTOCOL, IngestMonitor.Answer.NOT_STORED, Duration.ZERO);
        return notStored("an earlier entry of this batch was not stored");
    }

    /**
     * An archived rejected message again, as its sender's: a Bundle as {@code POST /fhir}, a resource as its own
     * create (a batch entry was archived as its resource); unreadable ones by the kind of input they were.
     */
    FhirResponse replay(String raw, String sender, InputKind kind) {
        if (json.parse(raw) instanceof FhirJson.Parsed.Read read) {
            if (read.resource() instanceof Bundle) {
                return bundle(raw, sender);
            }
            if (SUPPORTED.contains(read.resource().fhirType())) {
                return create(read.resource().fhirType(), raw, sender);
            }
        }
        String resourceType = switch (kind) {
            case THERAPY_EVENTS -> MEDICATION_ADMINISTRATION;
            case CLINICAL_FINDINGS -> CONDITION;
            case DOSE_PLANS -> MEDICATION_REQUEST;
            case PATIENTS -> PATIENT;
            case LAB_OR_VITAL_OBSERVATIONS, NEURO_ASSESSMENTS -> OBSERVATION;
        };
        return create(resourceType, raw, sender);
    }

    private static FhirResponse notStored(String reason) {
        return new FhirResponse(
                FhirResponse.SERVICE_UNAVAILABLE,
                Outcomes.retryLater("Nothing was stored: " + reason + ". Retry later."),
                true);
    }

    private FhirResponse unreadable(String sender, String raw, Problem problem, InputKind kind) {
        var submission = new Submission(PROTOCOL, sender, null, raw);
        return respond(
                () -> recordClinicalEvents.unreadable(submission, problem.toViolation(), kind),
                Map.of(problem.toViolation(), problem.type()));
    }

    /** A finding sent as an Observation is dead-lettered with the findings, not with the lab results. */
    private static InputKind kindOf(Resource resource) {
        return resource instanceof org.hl7.fhir.r4.model.Observation observation && FindingMapper.isFinding(observation)
                ? InputKind.CLINICAL_FINDINGS
                : kindOf(resource.fhirType());
    }

    private static InputKind kindOf(String resourceType) {
        return switch (resourceType) {
            case MEDICATION_ADMINISTRATION -> InputKind.THERAPY_EVENTS;
            case CONDITION -> InputKind.CLINICAL_FINDINGS;
            case MEDICATION_REQUEST -> InputKind.DOSE_PLANS;
            case PATIENT, ENCOUNTER -> InputKind.PATIENTS;
            default -> InputKind.LAB_OR_VITAL_OBSERVATIONS;
        };
    }
}
