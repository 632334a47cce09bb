package org.toxwatch.ingest.adapter.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The Patient entries of a transaction, which senders include so the other entries can reference the patient by
 * {@code fullUrl} (FHIR's canonical transaction: a Patient under {@code urn:uuid:...} and Observations whose
 * subject points there). ToxWatch keeps no patients: it reads each one's MRN (the MR identifier, else the first,
 * as HL7 PID-3) and points the references at it.
 */
final class TransactionPatients {

    private final Map<String, String> mrnByFullUrl;

    private TransactionPatients(Map<String, String> mrnByFullUrl) {
        this.mrnByFullUrl = Map.copyOf(mrnByFullUrl);
    }

    /** Reads the Patient entries; one without an identifier is a problem located at its entry. */
    static TransactionPatients of(Bundle bundle, List<Problem> problems) {
        var mrns = new HashMap<String, String>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var entry = bundle.getEntry().get(i);
            if (entry.getResource() instanceof Patient patient) {
                Optional<String> mrn = mrnOf(patient);
                if (mrn.isEmpty()) {
                    problems.add(Problem.invalid(
                            "Bundle.entry[" + i + "].resource.ofType(Patient).identifier",
                            "is required: ToxWatch keys patients by their medical record number"));
                } else if (entry.hasFullUrl()) {
                    mrns.put(entry.getFullUrl(), mrn.get());
                }
            }
        }
        return new TransactionPatients(mrns);
    }

    /** Points a subject that references a Patient entry at that patient's MRN instead. */
    void resolve(Resource resource) {
        @Nullable
        Reference subject = switch (resource) {
            case Observation observation -> observation.getSubject();
            case MedicationAdministration administration -> administration.getSubject();
            case Condition condition -> condition.getSubject();
            case MedicationRequest request -> request.getSubject();
            case org.hl7.fhir.r4.model.Encounter encounter -> encounter.getSubject();
            default -> null;
        };
        @Nullable
        String mrn = subject == null || !subject.hasReference() ? null : mrnByFullUrl.get(subject.getReference());
        if (subject != null && mrn != null) {
            subject.setReference(null);
            subject.setIdentifier(new Identifier().setValue(mrn));
        }
    }

    static boolean isPatient(Bundle.BundleEntryComponent entry) {
        return entry.getResource() instanceof Patient;
    }

    static Optional<String> mrnOf(Patient patient) {
        List<Identifier> identifiers = patient.getIdentifier();
        return identifiers.stream()
                .filter(identifier -> identifier.hasValue()
                        && identifier.getType().getCoding().stream().anyMatch(coding -> "MR".equals(coding.getCode())))
                .findFirst()
                .or(() -> identifiers.stream().filter(Identifier::hasValue).findFirst())
                .map(identifier -> identifier.getValue().trim());
    }
}
