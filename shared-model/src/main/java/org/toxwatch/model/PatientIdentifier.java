package org.toxwatch.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One identifier of a patient as the sender wrote it.
 *
 * @param value e.g. the medical record number
 * @param assigningAuthority who issued it (HL7 CX-4, FHIR {@code Identifier.system})
 * @param type the identifier type code (HL7 table 0203, e.g. {@code MR}), when sent
 */
public record PatientIdentifier(
        String value,
        @Nullable String assigningAuthority,
        @Nullable String type) {

    public PatientIdentifier {
        Objects.requireNonNull(value, "value");
    }
}
