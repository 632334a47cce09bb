package org.toxwatch.monitoring.domain.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AdministrativeSex;

/** CRITERIA.md 1.3: only female and male select a sex row of 13.4; everything else the sex-unknown row. */
class SexTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"FEMALE, FEMALE", "MALE, MALE", "OTHER, UNKNOWN", "UNKNOWN, UNKNOWN", ", UNKNOWN"})
    void mapsAdministrativeSexToTheDefaultRow(@Nullable AdministrativeSex administrative, Sex expected) {
        assertThat(Sex.of(administrative)).isEqualTo(expected);
    }
}
