package org.toxwatch.alerting.console.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.patient.domain.PatientDetails;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;

/**
 * A patient as the clinicians' API shows them: each detail as last stated, null where never stated. The age is not
 * here: the console computes it from the birth date when it shows it, so it is never out of date.
 *
 * @param discharged the latest statement about the location was a discharge (location is then null)
 * @param updatedAt the newest time a sender stated any of these details
 */
record PatientView(
        String patientId,
        List<PatientIdentifier> identifiers,
        @Nullable String familyName,
        @Nullable String givenName,
        @Nullable LocalDate birthDate,
        @Nullable AdministrativeSex sex,
        @Nullable BigDecimal weightKg,
        @Nullable BigDecimal heightCm,
        @Nullable PatientLocation location,
        @Nullable String attending,
        boolean discharged,
        @Nullable Instant updatedAt) {

    static PatientView of(PatientDetails details) {
        return new PatientView(
                details.patientId(),
                details.identifiers(),
                details.familyName(),
                details.givenName(),
                details.birthDate(),
                details.sex(),
                details.weightKg(),
                details.heightCm(),
                details.location(),
                details.attending(),
                details.discharged(),
                details.updatedAt());
    }
}
