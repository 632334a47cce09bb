package org.toxwatch.ingest.adapter.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.adapter.fhir.TherapyMedications.Recognised;
import org.toxwatch.ingest.domain.DosePlanSubmission;

/**
 * Reads a FHIR R4 MedicationRequest of an immunotherapy into a {@link DosePlanSubmission} (a planned dose):
 *
 * <ul>
 *   <li>{@code medicationCodeableConcept}: recognised as in MedicationAdministration ({@link TherapyMedications});
 *       a supportive drug or a drug ToxWatch does not track yields nothing (an order feed carries every drug);
 *   <li>{@code status} active or on-hold is a plan; cancelled, stopped or entered-in-error withdraws it; draft
 *       (not yet ordered) and completed (nothing left to give; the administrations say what was given) yield
 *       nothing; unknown is refused;
 *   <li>{@code authoredOn}: when it was ordered; {@code dosageInstruction[0].timing.event[0]}, else
 *       {@code timing.repeat.boundsPeriod.start}: when the dose is to be given (a date alone: that day's start, UTC);
 *   <li>cycle and day of the cycle: the extensions {@value #CYCLE} and {@value #CYCLE_DAY} (valueInteger or
 *       valuePositiveInt) on the MedicationRequest; FHIR R4 has no element for them;
 *   <li>{@code dosageInstruction[0].doseAndRate[0].doseQuantity}: dose and unit;
 *   <li>{@code identifier[0]} identifies the plan across its updates and its cancellation; with the status and
 *       {@code meta.versionId} it is the idempotency key.
 * </ul>
 */
final class MedicationRequestMapper {

    static final String CYCLE = "urn:toxwatch:fhir:extension:treatment-cycle";
    static final String CYCLE_DAY = "urn:toxwatch:fhir:extension:cycle-day";

    private static final String ROOT = "MedicationRequest";
    private static final Set<MedicationRequestStatus> PLANNED =
            EnumSet.of(MedicationRequestStatus.ACTIVE, MedicationRequestStatus.ONHOLD);
    private static final Set<MedicationRequestStatus> WITHDRAWN = EnumSet.of(
            MedicationRequestStatus.CANCELLED, MedicationRequestStatus.STOPPED, MedicationRequestStatus.ENTEREDINERROR);

    MappedResource<DosePlanSubmission> map(MedicationRequest request) {
        var problems = new ArrayList<Problem>();
        String identifier = SharedElements.identifierKey(request.getIdentifier());
        String messageId = SharedElements.messageId(
                identifier,
                request.hasStatus() ? request.getStatus().toCode() : null,
                request.getMeta().hasVersionId() ? request.getMeta().getVersionId() : null);
        Optional<Recognised> medication = medicationOf(request, problems);
        boolean immunotherapy = medication
                .map(recognised -> recognised.tracked().therapy() != null)
                .orElse(false);
        if (problems.isEmpty() && !immunotherapy) {
            return new MappedResource<>(List.of(), messageId, List.of());
        }
        Boolean cancelled = cancelledOf(request, problems);
        if (problems.isEmpty() && cancelled == null) {
            return new MappedResource<>(List.of(), messageId, List.of());
        }
        var paths = new HashMap<String, String>();
        paths.put("patientId", ROOT + ".subject");
        paths.put("sourceMessageId", ROOT + ".identifier");
        paths.put("sourcePlanId", ROOT + ".identifier");
        paths.put("therapy", ROOT + ".medicationCodeableConcept");
        paths.put("product", ROOT + ".medicationCodeableConcept");
        paths.put("orderedAt", ROOT + ".authoredOn");
        String patientId = SharedElements.patientId(request.getSubject(), ROOT + ".subject", problems);
        var orderedAt = SharedElements.dayOrInstantOf(request.getAuthoredOnElement(), ROOT + ".authoredOn", problems);

        Dosage dosage = request.getDosageInstruction().isEmpty()
                ? new Dosage()
                : request.getDosageInstruction().getFirst();
        SharedElements.Timed plannedFor = plannedFor(dosage, problems);
        paths.put("plannedFor", plannedFor.path());
        Integer cycle = integerExtension(request, CYCLE, problems);
        Integer cycleDay = integerExtension(request, CYCLE_DAY, problems);
        paths.put("cycle", ROOT + ".extension('" + CYCLE + "')");
        paths.put("cycleDay", ROOT + ".extension('" + CYCLE_DAY + "')");

        BigDecimal dose = null;
        String doseUnit = null;
        if (dosage.hasDoseAndRate() && dosage.getDoseAndRateFirstRep().getDose() instanceof Quantity quantity) {
            String dosePath = ROOT + ".dosageInstruction[0].doseAndRate[0].doseQuantity";
            dose = quantity.getValue();
            var unit = SharedElements.unitOf(quantity, dosePath);
            doseUnit = unit.code();
            paths.put("dose", dosePath + ".value");
            paths.put("doseUnit", unit.path());
        }
        var therapy = medication.map(recognised -> recognised.tracked().therapy());
        var submission = new DosePlanSubmission(
                patientId,
                therapy.map(Enum::name).orElse(null),
                medication.map(Recognised::product).orElse(null),
                orderedAt,
                plannedFor.instant(),
                cycle,
                cycleDay,
                dose,
                doseUnit,
                identifier,
                cancelled,
                messageId);
        return new MappedResource<>(
                List.of(new MappedResource.Item<>(submission, Map.copyOf(paths), ROOT)),
                messageId,
                List.copyOf(problems));
    }

    private static SharedElements.Timed plannedFor(Dosage dosage, List<Problem> problems) {
        var timing = dosage.getTiming();
        if (timing.hasEvent()) {
            String path = ROOT + ".dosageInstruction[0].timing.event[0]";
            return new SharedElements.Timed(
                    SharedElements.dayOrInstantOf(timing.getEvent().getFirst(), path, problems), path);
        }
        if (timing.hasRepeat() && timing.getRepeat().hasBoundsPeriod()) {
            return SharedElements.dayOrInstantOf(
                    timing.getRepeat().getBoundsPeriod(),
                    ROOT + ".dosageInstruction[0].timing.repeat.bounds",
                    problems);
        }
        return new SharedElements.Timed(null, ROOT + ".dosageInstruction[0].timing.event");
    }

    private static @Nullable Integer integerExtension(MedicationRequest request, String url, List<Problem> problems) {
        Extension extension = request.getExtensionByUrl(url);
        if (extension == null) {
            return null;
        }
        if (extension.getValue() instanceof IntegerType integer && integer.getValue() != null) {
            return integer.getValue();
        }
        problems.add(Problem.invalid(
                ROOT + ".extension('" + url + "')", "takes valueInteger or valuePositiveInt (counted from 1)"));
        return null;
    }

    /** True for a withdrawn plan, false for a plan, null for a request that plans nothing (with a problem if so). */
    private static @Nullable Boolean cancelledOf(MedicationRequest request, List<Problem> problems) {
        if (!request.hasStatus()) {
            problems.add(Problem.invalid(ROOT + ".status", "is required"));
            return null;
        }
        MedicationRequestStatus status = request.getStatus();
        if (PLANNED.contains(status)) {
            return false;
        }
        if (WITHDRAWN.contains(status)) {
            return true;
        }
        if (status == MedicationRequestStatus.UNKNOWN) {
            problems.add(Problem.notSupported(
                    ROOT + ".status",
                    "'unknown' is not recorded: whether the dose is planned changes the pre-dose decision; send"
                            + " active, on-hold, cancelled, stopped or entered-in-error"));
        }
        return null;
    }

    private static Optional<Recognised> medicationOf(MedicationRequest request, List<Problem> problems) {
        if (!request.hasMedication()) {
            problems.add(Problem.invalid(ROOT + ".medication[x]", "is required"));
            return Optional.empty();
        }
        if (!(request.getMedication() instanceof CodeableConcept concept)) {
            problems.add(Problem.notSupported(
                    ROOT + ".medicationReference",
                    "is not supported: send medicationCodeableConcept (an RxNorm, ATC or SNOMED CT coding, or text)"));
            return Optional.empty();
        }
        return TherapyMedications.recognise(concept);
    }
}
