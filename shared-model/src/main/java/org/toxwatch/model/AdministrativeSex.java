package org.toxwatch.model;

/**
 * Administrative sex as HL7 v2 table 0001 and FHIR {@code AdministrativeGender} carry it. Only {@link #FEMALE} and
 * {@link #MALE} select a sex-specific default reference range; every other value uses the range for sex unknown.
 */
public enum AdministrativeSex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
