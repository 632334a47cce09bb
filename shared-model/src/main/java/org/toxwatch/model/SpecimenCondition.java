package org.toxwatch.model;

/**
 * A condition of the specimen that can falsify a result, as the laboratory reported it (HL7 v2 SPM-24 with
 * table 0493, an OBX-8 or NTE remark, FHIR {@code Specimen.condition}).
 */
public enum SpecimenCondition {
    /** Red cells broke in the tube: potassium, LDH and AST read falsely high. */
    HEMOLYZED,
    LIPEMIC,
    ICTERIC,
    CLOTTED,
    CONTAMINATED,
    AUTOLYZED
}
