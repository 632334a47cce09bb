package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.patient.PatientProfile;

/** Issue 10 item 3: an adult default of 13.4 applied to a child is named on the assessment; CRITERIA.md has no other. */
class AdultDefaultRangesTest {

    private static final Instant AT = Instant.parse("2026-03-04T08:00:00Z");

    @ParameterizedTest(name = "born {0}, range {1} -> named: {2}")
    @CsvSource({
        "2026-02-24, DEFAULT,  'Adult default range applied to an 8-day-old'",
        "2025-10-01, DEFAULT,  'Adult default range applied to a 5-month-old'",
        "2019-12-01, DEFAULT,  'Adult default range applied to a 6-year-old'",
        "2008-03-05, DEFAULT,  'Adult default range applied to a 17-year-old'", // 17 y 364 d
        "2008-03-04, DEFAULT,  ''", // 18 y 0 d: an adult
        "2019-12-01, REPORTED, ''",
        "2019-12-01, NOT_USED, ''",
        ",           DEFAULT,  ''", // age unknown: the adult default is what 1.3 asks for
    })
    void namesTheAdultDefaultOnlyForAChild(LocalDate born, ReferenceRangeSource source, String note) {
        var graded =
                Assessment.graded(Criterion.ANEMIA, 1, AT, "Hemoglobin 11.0 g/dL.", List.of(), List.of(), true, source);
        var age = new PatientProfile(born, null).ageAt(AT, ZoneOffset.UTC);

        var named = AdultDefaultRanges.namedFor(graded, age);

        if (note.isEmpty()) {
            assertThat(named).isEqualTo(graded);
        } else {
            assertThat(named.summary())
                    .isEqualTo("Hemoglobin 11.0 g/dL. " + note + ": ToxWatch has no paediatric default ranges"
                            + " (docs/clinical/codes-and-units.md#default-ranges).");
            assertThat(named.grade()).isEqualTo(graded.grade());
        }
    }

    @org.junit.jupiter.api.Test
    void leavesAnUnknownAgeAlone() {
        var graded = Assessment.graded(
                Criterion.ANEMIA,
                1,
                AT,
                "Hemoglobin 11.0 g/dL.",
                List.of(),
                List.of(),
                true,
                ReferenceRangeSource.DEFAULT);

        assertThat(AdultDefaultRanges.namedFor(graded, Optional.empty())).isEqualTo(graded);
    }
}
