package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a hospital system said about a patient, before validation: HL7 PID/PV1, a FHIR Patient or Encounter, or a
 * JSON body of the same shape, e.g. {@code {"patientId":"MRN-0004","familyName":"Example","givenName":"Mia",
 * "birthDate":"2020-03-14","sex":"female","location":{"ward":"PICU","room":"4","bed":"B"},
 * "sourceMessageId":"adt-42"}}. A null is "not stated in this message".
 *
 * @param encounterEvent one of {@link org.toxwatch.model.EncounterEvent}, e.g. {@code TRANSFERRED}
 * @param birthDate the date of birth as {@code YYYY-MM-DD}; text, so that a malformed one is named by its field and
 *     never repeated in a reason
 * @param sex {@code female}, {@code male}, {@code other} or {@code unknown} (FHIR AdministrativeGender)
 * @param recordedAt when the sender stated these details; absent means when ingest received them
 */
public record PatientSubmission(
        @Nullable String patientId,
        @Nullable String encounterEvent,
        @Nullable List<@Nullable Identifier> identifiers,
        @Nullable String familyName,
        @Nullable String givenName,
        @Nullable String birthDate,
        @Nullable String sex,
        @Nullable BigDecimal weightKg,
        @Nullable BigDecimal heightCm,
        @Nullable Location location,
        @Nullable String attending,
        @Nullable Instant recordedAt,
        @Nullable String sourceMessageId) {

    /**
     * @param assigningAuthority who issued it (HL7 CX-4, FHIR {@code Identifier.system})
     * @param type the HL7 table 0203 code, e.g. {@code MR}
     */
    public record Identifier(
            @Nullable String value,
            @Nullable String assigningAuthority,
            @Nullable String type) {}

    public record Location(
            @Nullable String ward,
            @Nullable String room,
            @Nullable String bed,
            @Nullable String facility) {}

    /** The same details, stated at {@code time}. */
    public PatientSubmission statedAt(Instant time) {
        return new PatientSubmission(
                patientId,
                encounterEvent,
                identifiers,
                familyName,
                givenName,
                birthDate,
                sex,
                weightKg,
                heightCm,
                location,
                attending,
                time,
                sourceMessageId);
    }
}
