package org.toxwatch.monitoring.domain.icans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * ICANS on a patient's state reads the birth date from the patient records, with the age on the hospital's calendar
 * day of the assessment choosing the tool (CRITERIA.md 5.3). The rule's own table is IcansToolByAgeTest.
 */
class IcansToolByPatientAgeTest {

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

    /** 14:00 in Berlin on 4 March 2026. */
    private final Instant at = Instant.parse("2026-03-04T13:00:00Z");

    @ParameterizedTest(name = "born {0}: ICE 10 and CAPD 9 -> grade {1}")
    @CsvSource({
        "2014-03-05, 3", // 11 y 364 d: the CAPD decides
        "2014-03-04, 0", // 12 y 0 d: the ICE decides
    })
    void theAgeOnTheDayOfTheAssessmentChoosesTheTool(LocalDate born, int expectedGrade) {
        var state = patient(born, null).apply(neuro(10, 9));

        var icans = assessment(state, Criterion.ICANS);

        assertThat(icans.grade()).isEqualTo(expectedGrade);
        assertThat(icans.summary()).contains("decides the encephalopathy row");
    }

    @Test
    void aCapdForAFourteenYearOldIsNamed() {
        var state = patient(LocalDate.parse("2011-06-01"), null).apply(neuro(null, 9));

        assertThat(assessment(state, Criterion.ICANS).summary())
                .contains("CAPD reported for a 14-year-old: ICE expected from 12 years");
    }

    @Test
    void withoutAPatientRecordTheAgeIsUnknown() {
        var state = PatientState.empty(PATIENT).apply(neuro(null, 9));

        assertThat(assessment(state, Criterion.ICANS).summary())
                .contains("age unknown: the reported CAPD decides the encephalopathy row");
    }

    private NeurologicAssessmentRecorded neuro(@Nullable Integer ice, @Nullable Integer capd) {
        var eventId = UUID.randomUUID();
        return new NeurologicAssessmentRecorded(
                eventId,
                PATIENT,
                at,
                at.plusSeconds(300),
                "test-charting",
                "msg-" + eventId,
                ice,
                capd,
                LevelOfConsciousness.ALERT,
                SeizureFinding.NONE,
                MotorFinding.NONE,
                IntracranialPressureFinding.NONE,
                ResultStatus.FINAL);
    }
}
