package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The default reference range (CRITERIA.md 1.3, 13.4) chosen by the sex of the patient record, and an adult default
 * applied to a child named on the assessment with the child's age.
 */
class DefaultReferenceRangesByPatientTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final ToxicityGrader grader = new ToxicityGrader(BERLIN);

    private static PatientState patient(@Nullable LocalDate born, @Nullable AdministrativeSex sex) {
        return PatientState.empty(PATIENT)
                .apply(aPatientRecord(PATIENT, Instant.parse("2026-01-01T08:00:00Z"), born, sex));
    }

    private Assessment assessment(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private final Instant at = Instant.parse("2026-03-04T08:00:00Z");

    @ParameterizedTest(name = "{0}, Hb {1} g/dL without a range -> anemia grade {2}")
    @CsvSource({
        "FEMALE,  12.0, 0, 'Default row: Hemoglobin, female, 12.0-15.5 g/dL.'",
        "FEMALE,  11.9, 1, 'Default row: Hemoglobin, female, 12.0-15.5 g/dL.'",
        "MALE,    13.5, 0, 'Default row: Hemoglobin, male, 13.5-17.5 g/dL.'",
        "MALE,    13.4, 1, 'Default row: Hemoglobin, male, 13.5-17.5 g/dL.'",
        "OTHER,   12.0, 0, 'Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.'",
        "UNKNOWN, 11.9, 1, 'Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.'",
    })
    void theSexOfThePatientRecordChoosesTheHemoglobinRow(
            AdministrativeSex sex, String hemoglobin, int grade, String row) {
        var state = patient(LocalDate.parse("1980-05-05"), sex).apply(hemoglobin(hemoglobin, null));

        var anemia = assessment(state, Criterion.ANEMIA);

        assertThat(anemia.grade()).isEqualTo(grade);
        assertThat(anemia.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
        assertThat(anemia.summary()).contains(row).doesNotContain("Adult default range applied");
    }

    @Test
    void withoutAPatientRecordTheSexUnknownRowApplies() {
        var state = PatientState.empty(PATIENT).apply(hemoglobin("12.0", null));

        assertThat(assessment(state, Criterion.ANEMIA).summary())
                .contains("Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.");
    }

    @ParameterizedTest(name = "born {0} -> adult default named for a child: {1}")
    @CsvSource({
        "2019-12-01, true", // 6 years
        "2008-03-05, true", // 17 y 364 d
        "2008-03-04, false", // 18 y 0 d
    })
    void anAdultDefaultAppliedToAChildIsNamed(LocalDate born, boolean named) {
        var state = patient(born, AdministrativeSex.FEMALE).apply(hemoglobin("11.0", null));

        var anemia = assessment(state, Criterion.ANEMIA);

        assertThat(anemia.grade()).isEqualTo(1);
        if (named) {
            assertThat(anemia.summary())
                    .contains("Adult default range applied to a")
                    .contains("ToxWatch has no paediatric default ranges");
        } else {
            assertThat(anemia.summary()).doesNotContain("Adult default range applied");
        }
    }

    @Test
    void namesTheChildsAgeForEveryDefaultedTerm() {
        var state = patient(LocalDate.parse("2019-12-01"), AdministrativeSex.MALE)
                .apply(aLab(Analyte.ANC).value("1.6").at(at).build());

        assertThat(assessment(state, Criterion.NEUTROPHIL_COUNT_DECREASED).summary())
                .endsWith("Adult default range applied to a 6-year-old: ToxWatch has no paediatric default"
                        + " ranges (docs/clinical/codes-and-units.md#default-ranges).");
    }

    @Test
    void aReportedRangeIsNeitherReplacedNorNamed() {
        var state =
                patient(LocalDate.parse("2019-12-01"), AdministrativeSex.MALE).apply(hemoglobin("11.0", "10.5"));

        var anemia = assessment(state, Criterion.ANEMIA);

        assertThat(anemia.grade()).isZero();
        assertThat(anemia.referenceRangeSource()).isEqualTo(ReferenceRangeSource.REPORTED);
        assertThat(anemia.summary()).doesNotContain("default");
    }

    private LabResultRecorded hemoglobin(String value, @Nullable String lln) {
        return aLab(Analyte.HEMOGLOBIN)
                .value(value)
                .range(lln, lln == null ? null : "16.0")
                .at(at)
                .build();
    }
}
