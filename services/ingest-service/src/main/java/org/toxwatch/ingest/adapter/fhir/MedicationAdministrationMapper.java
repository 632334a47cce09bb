package org.toxwatch.ingest.adapter.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Period;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.adapter.fhir.TherapyMedications.Medication;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/**
 * Reads a FHIR R4 MedicationAdministration of an immunotherapy or a supportive drug into a
 * {@link TherapyEventSubmission}:
 *
 * <ul>
 *   <li>{@code medicationCodeableConcept}: recognised by {@link TherapyMedications} (code or name);
 *   <li>the event type: CAR T-cells given are {@code CAR_T_INFUSED}; blinatumomab {@code in-progress} is
 *       {@code INFUSION_STARTED} and {@code stopped}/{@code on-hold} is {@code INFUSION_STOPPED} (at
 *       {@code effectivePeriod.end}), otherwise a dose; inotuzumab a dose; a supportive drug
 *       {@code SUPPORTIVE_DRUG_GIVEN} (vasopressin marked as such);
 *   <li>{@code effectiveDateTime} or {@code effectivePeriod.start}: when it was given;
 *   <li>{@code dosage.dose}: dose and UCUM unit;
 *   <li>{@code status} not-done, entered-in-error and unknown are refused: nothing was given, or ToxWatch cannot
 *       retract an event.
 * </ul>
 */
final class MedicationAdministrationMapper {

    private static final String ROOT = "MedicationAdministration";
    private static final String MEDICATION = ROOT + ".medicationCodeableConcept";

    MappedResource<TherapyEventSubmission> map(MedicationAdministration administration) {
        var problems = new ArrayList<Problem>();
        var paths = new HashMap<String, String>();
        paths.put("patientId", ROOT + ".subject");
        paths.put("sourceMessageId", ROOT + ".identifier");
        paths.put("type", MEDICATION);
        paths.put("therapy", MEDICATION);
        paths.put("supportiveDrug", MEDICATION);

        String patientId = SharedElements.patientId(administration.getSubject(), ROOT + ".subject", problems);
        MedicationAdministrationStatus status = statusOf(administration, problems);
        Optional<Medication> medication = medicationOf(administration, problems);
        TherapyEventType type = medication.map(m -> typeOf(m, status)).orElse(null);

        SharedElements.Timed occurred = type == TherapyEventType.INFUSION_STOPPED
                ? stopTime(administration, problems)
                : SharedElements.effective(administration.getEffective(), ROOT, problems);
        paths.put("occurredAt", occurred.path());

        BigDecimal dose = null;
        String doseUnit = null;
        var dosage = administration.getDosage();
        if (dosage.hasDose()) {
            String dosePath = ROOT + ".dosage.dose";
            dose = dosage.getDose().getValue();
            var unit = SharedElements.unitOf(dosage.getDose(), dosePath);
            doseUnit = unit.code();
            paths.put("dose", dosePath + ".value");
            paths.put("doseUnit", unit.path());
        }

        String identifier = SharedElements.identifierKey(administration.getIdentifier());
        String messageId = SharedElements.messageId(
                identifier,
                administration.hasStatus() ? administration.getStatus().toCode() : null,
                administration.getMeta().hasVersionId()
                        ? administration.getMeta().getVersionId()
                        : null);
        var submission = new TherapyEventSubmission(
                patientId,
                type == null ? null : type.name(),
                occurred.instant(),
                medication.map(Medication::therapy).map(Therapy::name).orElse(null),
                medication.map(Medication::product).orElse(null),
                null,
                null,
                dose,
                doseUnit,
                medication.map(Medication::supportiveDrug).map(Enum::name).orElse(null),
                null,
                medication
                        .filter(Medication::vasopressin)
                        .map(m -> Boolean.TRUE)
                        .orElse(null),
                messageId);
        return new MappedResource<>(
                List.of(new MappedResource.Item<>(submission, Map.copyOf(paths), ROOT)),
                messageId,
                List.copyOf(problems));
    }

    private static Optional<Medication> medicationOf(MedicationAdministration administration, List<Problem> problems) {
        if (!administration.hasMedication()) {
            problems.add(Problem.invalid(ROOT + ".medication[x]", "is required"));
            return Optional.empty();
        }
        if (!(administration.getMedication() instanceof CodeableConcept concept)) {
            problems.add(Problem.notSupported(
                    ROOT + ".medicationReference",
                    "is not supported: send medicationCodeableConcept (an RxNorm, ATC or SNOMED CT coding, or text)"));
            return Optional.empty();
        }
        Optional<Medication> recognised = TherapyMedications.recognise(concept);
        if (recognised.isEmpty()) {
            problems.add(Problem.notSupported(
                    MEDICATION,
                    "'" + describe(concept) + "' is not a medication ToxWatch follows (blinatumomab, inotuzumab"
                            + " ozogamicin, CAR T-cells, tocilizumab, siltuximab, anakinra, corticosteroids,"
                            + " antipyretics, vasopressors)"));
        }
        return recognised;
    }

    private static @Nullable TherapyEventType typeOf(
            Medication medication, @Nullable MedicationAdministrationStatus status) {
        if (medication.supportiveDrug() != null) {
            return TherapyEventType.SUPPORTIVE_DRUG_GIVEN;
        }
        if (medication.therapy() == Therapy.CAR_T) {
            return TherapyEventType.CAR_T_INFUSED;
        }
        if (medication.therapy() == Therapy.BLINATUMOMAB && status != null) {
            return switch (status) {
                case INPROGRESS -> TherapyEventType.INFUSION_STARTED;
                case STOPPED, ONHOLD -> TherapyEventType.INFUSION_STOPPED;
                default -> TherapyEventType.DOSE_ADMINISTERED;
            };
        }
        return TherapyEventType.DOSE_ADMINISTERED;
    }

    private static SharedElements.Timed stopTime(MedicationAdministration administration, List<Problem> problems) {
        if (administration.getEffective() instanceof Period period) {
            String path = ROOT + ".effectivePeriod.end";
            return new SharedElements.Timed(
                    period.hasEnd() ? SharedElements.instantOf(period.getEndElement(), path, problems) : null, path);
        }
        return SharedElements.effective(administration.getEffective(), ROOT, problems);
    }

    private static @Nullable MedicationAdministrationStatus statusOf(
            MedicationAdministration administration, List<Problem> problems) {
        if (!administration.hasStatus()) {
            problems.add(Problem.invalid(ROOT + ".status", "is required"));
            return null;
        }
        var status = administration.getStatus();
        switch (status) {
            case COMPLETED, INPROGRESS, STOPPED, ONHOLD -> {}
            default ->
                problems.add(Problem.notSupported(
                        ROOT + ".status",
                        "'" + status.toCode() + "' is not recorded: ToxWatch records completed, in-progress, stopped"
                                + " and on-hold administrations (nothing given, or an event it cannot retract)"));
        }
        return status;
    }

    private static String describe(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream()
                .map(coding -> coding.hasDisplay() ? coding.getDisplay() : coding.getSystem() + "|" + coding.getCode())
                .findFirst()
                .orElse("");
    }
}
