package org.toxwatch.ingest.adapter.hl7;

import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.get;

import ca.uhn.hl7v2.model.Segment;
import org.jspecify.annotations.Nullable;

/**
 * The patient id from PID-3: the repetition with identifier type MR (medical record number), else the first.
 * Whether the assigning authority (PID-3.4) is part of the id is configured ({@link Hl7PatientIdentity}): by
 * default it is not, as ToxWatch serves one hospital whose MRN its other entry points (FHIR, JSON) use as well.
 *
 * @param id empty when PID-3 names no patient
 * @param problem why the id cannot be formed as configured, or null
 */
record Hl7Patient(String id, @Nullable String problem) {

    static Hl7Patient of(Segment pid, Hl7PatientIdentity identity) {
        int chosen = 0;
        int repetitions = Hl7Fields.repetitions(pid, 3);
        for (int i = 0; i < repetitions; i++) {
            if ("MR".equalsIgnoreCase(get(pid, 3, i, 5)) && !get(pid, 3, i, 1).isEmpty()) {
                chosen = i;
                break;
            }
        }
        String id = get(pid, 3, chosen, 1);
        if (identity == Hl7PatientIdentity.ID || id.isEmpty()) {
            return new Hl7Patient(id, null);
        }
        String authority = authorityOf(pid, chosen);
        return authority.isEmpty()
                ? new Hl7Patient(
                        "",
                        "has no assigning authority (PID-3.4), which is part of the patient's identity here"
                                + " (toxwatch.ingest.hl7.patient-identity=id-and-authority)")
                : new Hl7Patient(id + "@" + authority, null);
    }

    /** PID-3.4 is an HD: its namespace id, else its universal id. */
    static String authorityOf(Segment pid, int repetition) {
        String namespace = Hl7Fields.subcomponent(pid, 3, repetition, 4, 1);
        return namespace.isEmpty() ? Hl7Fields.subcomponent(pid, 3, repetition, 4, 2) : namespace;
    }
}
