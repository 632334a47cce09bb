package org.toxwatch.monitoring.domain.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an age-aware rule names the age it used, and whom it judged, on its assessment. */
class AgeNotePersonTest {

    private static final Instant AT = Instant.parse("2026-03-04T12:00:00Z");

    @ParameterizedTest(name = "born {0} -> ''{1}'', ''{2}''")
    @CsvSource({
        "2020-01-10, age 6 years,  a 6-year-old",
        "2014-03-05, age 11 years, an 11-year-old",
        "2008-03-04, age 18 years, an 18-year-old",
        "2018-03-01, age 8 years,  an 8-year-old",
        "1946-01-01, age 80 years, an 80-year-old",
        "2025-03-04, age 1 year,   a 1-year-old",
        "2025-10-01, age 5 months, a 5-month-old",
        "2026-02-24, age 8 days,   an 8-day-old",
        "2026-03-03, age 1 day,    a 1-day-old",
    })
    void namesAKnownAge(LocalDate born, String age, String person) {
        var known = new PatientProfile(born, null).ageAt(AT, ZoneOffset.UTC);

        assertThat(AgeNote.of(known)).isEqualTo(age);
        assertThat(AgeNote.person(known.orElseThrow())).isEqualTo(person);
    }

    @Test
    void saysAgeUnknownAdultThresholdsWithoutABirthDate() {
        assertThat(AgeNote.of(Optional.empty())).isEqualTo("age unknown — adult thresholds");
    }
}
