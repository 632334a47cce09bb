package org.toxwatch.monitoring.domain.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.daysAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.vasopressorsRunning;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * CRS hypotension by the patient's age on the assessment's day (CRITERIA.md 4.4, issue 10 item 3): a febrile child at
 * a pressure normal for age is CRS 1, not 2; without a birth date the adult limits apply and the assessment says so.
 */
class CrsHypotensionByAgeTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("UTC"));

    private Assessment crsOf(Object... events) {
        var state = PatientState.empty(PATIENT);
        for (var event : events) {
            state = switch (event) {
                case PatientRecorded patient -> state.apply(patient);
                case VitalSignsRecorded vitals -> state.apply(vitals);
                case TherapyEventRecorded therapy -> state.apply(therapy);
                case LabResultRecorded lab -> state.apply(lab);
                default -> throw new IllegalArgumentException(event.toString());
            };
        }
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == Criterion.CYTOKINE_RELEASE_SYNDROME)
                .findFirst()
                .orElseThrow();
    }

    private static PatientRecorded bornOn(String birthDate) {
        return aPatientRecord(PATIENT, NOW.minusSeconds(86_400), LocalDate.parse(birthDate), null);
    }

    private static VitalSignsRecorded feverWithSystolic(String systolic) {
        return vitalsAt(daysAfter(2)).temperature("38.6").systolic(systolic).build();
    }

    /** Assessed on day 2 after an infusion on 2 March 2026, i.e. on 4 March 2026. */
    @ParameterizedTest(name = "born {0}, systolic {1} -> CRS {2}")
    @CsvSource({
        "2026-02-10, 60, 1", // 22 days: neonate, < 60
        "2026-02-10, 59, 2",
        "2025-09-04, 70, 1", // 6 months: < 70
        "2025-09-04, 69, 2",
        "2022-03-04, 78, 1", // 4 years: < 70 + 2 x 4
        "2022-03-04, 77, 2",
        "2020-03-04, 82, 1", // 6 years: < 82
        "2020-03-04, 81, 2",
        "2014-03-04, 90, 1", // 12 years: < 90
        "2014-03-04, 89, 2",
    })
    void aChildsSystolicIsJudgedAgainstThePalsLimitForAge(String birthDate, String systolic, int crsGrade) {
        assertThat(crsOf(bornOn(birthDate), carTInfused(NOW), feverWithSystolic(systolic))
                        .grade())
                .isEqualTo(crsGrade);
    }

    @Test
    void aFebrileFourYearOldAt85Over50IsCrs1AndNotTheAdultsCrs2() {
        var assessment = crsOf(bornOn("2022-01-15"), carTInfused(NOW), feverWithSystolic("85"));

        assertThat(assessment.grade()).isEqualTo(1);
        assertThat(assessment.summary())
                .contains("not below the hypotension limit systolic < 78 mmHg (PALS, age 4 years)");
    }

    @Test
    void aChildsLowMapIsEvidenceButNotHypotension() {
        var assessment = crsOf(
                bornOn("2022-01-15"),
                carTInfused(NOW),
                vitalsAt(daysAfter(2))
                        .temperature("38.6")
                        .systolic("85")
                        .meanArterial("50")
                        .build());

        assertThat(assessment.grade()).isEqualTo(1);
    }

    @Test
    void withoutABirthDateTheAdultLimitsApplyAndTheAssessmentSaysSo() {
        var assessment = crsOf(carTInfused(NOW), feverWithSystolic("85"));

        assertThat(assessment.grade()).isEqualTo(2);
        assertThat(assessment.summary()).contains("age unknown — adult thresholds");
        assertThat(assessment.thresholds())
                .filteredOn(AppliedThreshold::met)
                .extracting(AppliedThreshold::condition)
                .contains("hypotension without vasopressors: systolic < 90 mmHg or MAP < 65 mmHg"
                        + " (age unknown — adult thresholds)");
    }

    @Test
    void anAdultKeepsTheMapCriterion() {
        var assessment = crsOf(
                bornOn("1980-05-01"),
                carTInfused(NOW),
                vitalsAt(daysAfter(2))
                        .temperature("38.6")
                        .systolic("100")
                        .meanArterial("64")
                        .build());

        assertThat(assessment.grade()).isEqualTo(2);
        assertThat(assessment.summary()).contains("(adult, age 45 years)");
    }

    @Test
    void aVasopressorMakesAChildCrs3WhateverThePressure() {
        var assessment = crsOf(
                bornOn("2020-01-15"),
                carTInfused(NOW),
                feverWithSystolic("80"),
                vasopressorsRunning(daysAfter(2).plusSeconds(600), 1, false));

        assertThat(assessment.grade()).isEqualTo(3);
        assertThat(assessment.summary()).contains("below the hypotension limit systolic < 82 mmHg (PALS, age 6 years)");
    }
}
