package org.toxwatch.alerting.patient.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;

/**
 * A patient as clinicians see them beside an alert: each detail as last stated, null where never stated. Names,
 * the birth date and the identifiers are protected health information: for clinicians' screens and for webhooks
 * whose subscription asked for them, never for logs, metrics, e-mail or operators.
 *
 * @param location where the patient is; null when unknown or after a discharge
 * @param discharged the latest statement about the location was a discharge
 * @param updatedAt the newest {@code recordedAt} of any detail kept
 */
public record PatientDetails(
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

    public PatientDetails {
        identifiers = List.copyOf(identifiers);
    }
}
