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
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Period;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.adapter.fhir.TherapyMedications.Recognised;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.ingest.domain.TrackedMedications.Tracked;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/**
 * Reads a FHIR R4 MedicationAdministration of an immunotherapy or a supportive drug into a
 * {@link TherapyEventSubmission}:
 *
 * <ul>
 *   <li>{@code medicationCodeableConcept}: recognised by {@link TherapyMedications} (code or name); a drug
 *       ToxWatch does not track yields nothing (a medication feed carries every drug; HL7 RXA does the same);
 *   <li>the event type: CAR T-cells given are {@code CAR_T_INFUSED}; blinatumomab {@code in-progress} is
 *       {@code INFUSION_STARTED}, {@code stopped}/{@code on-hold} {@code INFUSION_STOPPED} (at
 *       {@code effectivePeriod.end}) and {@code completed} a dose (a bag); inotuzumab a dose; a supportive drug
 *       {@code SUPPORTIVE_DRUG_GIVEN}, a vasopressor counted as in HL7 (one agent, or vasopressin);
 *   <li>{@code effectiveDateTime} or {@code effectivePeriod.start}: when it was given;
 *   <li>{@code dosage.dose}: dose and UCUM unit;
 *   <li>{@code status} not-done and entered-in-error yield nothing (not given; the event contract has no
 *       retraction), as HL7 RXA-20/21 do; unknown is refused (whether it was given matters).
 * </ul>
 */
final class MedicationAdministrationMapper {

    private static final String ROOT = "MedicationAdministration";
    private static final String MEDICATION = ROOT + ".medicationCodeableConcept";

    MappedResource<TherapyEventSubmission> map(MedicationAdministration administration) {
        var problems = new ArrayList<Problem>();
        String identifier = SharedElements.identifierKey(administration.getIdentifier());
        String messageId = SharedElements.messageId(
                identifier,
                administration.hasStatus() ? administration.getStatus().toCode() : null,
                administration.getMeta().hasVersionId()
                        ? administration.getMeta().getVersionId()
                        : null);
        Optional<Recognised> medication = medicationOf(administration, problems);
        if (problems.isEmpty() && medication.isEmpty()) {
            return new MappedResource<>(List.of(), messageId, List.of());
        }
        MedicationAdministrationStatus status = statusOf(administration, problems);
        if (status != null && NOT_GIVEN.contains(status)) {
            return new MappedResource<>(List.of(), messageId, List.of());
        }
        var paths = new HashMap<String, String>();
        paths.put("patientId", ROOT + ".subject");
        paths.put("sourceMessageId", ROOT + ".identifier");
        String medicationPath = medicationPathOf(administration);
        paths.put("type", medicationPath);
        paths.put("therapy", medicationPath);
        paths.put("supportiveDrug", medicationPath);

        String patientId = SharedElements.patientId(administration.getSubject(), ROOT + ".subject", problems);
        Tracked tracked = medication.map(Recognised::tracked).orElse(null);
        TherapyEventType type = tracked == null ? null : typeOf(tracked, status);

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
        var submission = new TherapyEventSubmission(
                patientId,
                type == null ? null : type.name(),
                occurred.instant(),
                tracked == null || tracked.therapy() == null
                        ? null
                        : tracked.therapy().name(),
                medication.map(Recognised::product).orElse(null),
                null,
                null,
                dose,
                doseUnit,
                tracked == null || tracked.supportiveDrug() == null
                        ? null
                        : tracked.supportiveDrug().name(),
                tracked == null ? null : tracked.vasopressorCount(),
                tracked == null ? null : tracked.vasopressin(),
                messageId);
        return new MappedResource<>(
                List.of(new MappedResource.Item<>(submission, Map.copyOf(paths), ROOT)),
                messageId,
                List.copyOf(problems));
    }

    private static final Set<MedicationAdministrationStatus> NOT_GIVEN =
            EnumSet.of(MedicationAdministrationStatus.NOTDONE, MedicationAdministrationStatus.ENTEREDINERROR);

    /** Where a finding on the drug is reported: the element the sender used for it. */
    private static String medicationPathOf(MedicationAdministration administration) {
        if (!administration.hasMedication()) {
            return ROOT + ".medication[x]";
        }
        return administration.getMedication() instanceof CodeableConcept ? MEDICATION : ROOT + ".medicationReference";
    }

    private static Optional<Recognised> medicationOf(MedicationAdministration administration, List<Problem> problems) {
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
        return TherapyMedications.recognise(concept);
    }

    private static TherapyEventType typeOf(Tracked tracked, @Nullable MedicationAdministrationStatus status) {
        if (tracked.therapy() == Therapy.BLINATUMOMAB) {
            if (status == MedicationAdministrationStatus.STOPPED || status == MedicationAdministrationStatus.ONHOLD) {
                return TherapyEventType.INFUSION_STOPPED;
            }
            return status == MedicationAdministrationStatus.COMPLETED
                    ? TherapyEventType.DOSE_ADMINISTERED
                    : TherapyEventType.INFUSION_STARTED;
        }
        return tracked.type();
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
        if (status == MedicationAdministrationStatus.UNKNOWN) {
            problems.add(Problem.notSupported(
                    ROOT + ".status",
                    "'unknown' is not recorded: whether the drug was given changes how toxicities are graded; send"
                            + " completed, in-progress, stopped or on-hold (or not-done)"));
        }
        return status;
    }
}
