package org.toxwatch.monitoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.Therapy;

/** Clinician findings and planned doses for {@link PatientEvents#PATIENT}, each received a minute after its time. */
public final class ClinicianInputs {

    private ClinicianInputs() {}

    public static ClinicalFindingRecorded found(ClinicalFinding finding, Instant at) {
        return finding(finding, true, at, null);
    }

    public static ClinicalFindingRecorded withdrawn(ClinicalFinding finding, Instant at) {
        return finding(finding, false, at, null);
    }

    public static ClinicalFindingRecorded finding(
            ClinicalFinding finding, boolean present, Instant at, @Nullable String sourceFindingId) {
        return finding(PatientEvents.PATIENT, finding, present, at, sourceFindingId);
    }

    public static ClinicalFindingRecorded finding(
            String patientId, ClinicalFinding finding, boolean present, Instant at, @Nullable String sourceFindingId) {
        return new ClinicalFindingRecorded(
                UUID.randomUUID(),
                patientId,
                at,
                at.plus(Duration.ofMinutes(1)),
                "ehr",
                "finding-" + UUID.randomUUID(),
                finding,
                present,
                "http://snomed.info/sct|198246007",
                sourceFindingId);
    }

    /** An inotuzumab dose ordered at {@code orderedAt} for {@code plannedFor}, without a plan id. */
    public static DosePlanned planned(Instant orderedAt, Instant plannedFor, int cycle, int cycleDay) {
        return plan(
                PatientEvents.PATIENT,
                Therapy.INOTUZUMAB_OZOGAMICIN,
                orderedAt,
                plannedFor,
                cycle,
                cycleDay,
                null,
                false);
    }

    public static DosePlanned plan(
            String patientId,
            Therapy therapy,
            Instant orderedAt,
            Instant plannedFor,
            int cycle,
            int cycleDay,
            @Nullable String sourcePlanId,
            boolean cancelled) {
        return new DosePlanned(
                UUID.randomUUID(),
                patientId,
                orderedAt,
                orderedAt.plus(Duration.ofMinutes(1)),
                "cpoe",
                "order-" + UUID.randomUUID(),
                therapy,
                therapy == Therapy.INOTUZUMAB_OZOGAMICIN ? "BESPONSA" : null,
                plannedFor,
                cycle,
                cycleDay,
                null,
                null,
                sourcePlanId,
                cancelled);
    }
}
