package org.toxwatch.ingest.adapter.hl7;

import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.get;

import ca.uhn.hl7v2.model.Segment;

/**
 * The patient id from PID-3: the repetition with identifier type MR (medical record number), else the first.
 * The assigning authority (PID-3.4) is not part of the id: ToxWatch serves one hospital, whose MRN its
 * other entry points (FHIR, JSON) use as well.
 */
final class Hl7Patient {

    private Hl7Patient() {}

    static String idOf(Segment pid) {
        int repetitions = Hl7Fields.repetitions(pid, 3);
        for (int i = 0; i < repetitions; i++) {
            if ("MR".equalsIgnoreCase(get(pid, 3, i, 5)) && !get(pid, 3, i, 1).isEmpty()) {
                return get(pid, 3, i, 1);
            }
        }
        return get(pid, 3, 0, 1);
    }
}
