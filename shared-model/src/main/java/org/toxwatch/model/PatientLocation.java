package org.toxwatch.model;

import org.jspecify.annotations.Nullable;

/**
 * Where the patient is: HL7 PV1-3 (point of care, room, bed, facility) or FHIR {@code Encounter.location}.
 *
 * @param ward the point of care (nursing unit or ward), e.g. {@code ONC-PED}
 */
public record PatientLocation(
        @Nullable String ward,
        @Nullable String room,
        @Nullable String bed,
        @Nullable String facility) {}
