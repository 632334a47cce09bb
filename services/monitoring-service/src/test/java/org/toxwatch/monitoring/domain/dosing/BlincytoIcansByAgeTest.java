package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The neurological rows of the BLINCYTO action rules (CRITERIA.md 9.1) read ICANS as the ICANS criterion grades it:
 * with the tool the patient's age on the day of each assessment calls for (5.3), so a child's CAPD in a blinatumomab
 * course is graded by the paediatric rule, not by whichever tool the sender also filled in.
 */
class BlincytoIcansByAgeTest {

    private static final ZoneId HOSPITAL = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2026-03-04T08:00:00Z");

    private final ToxicityGrader grader = new ToxicityGrader(HOSPITAL);

    @ParameterizedTest(name = "born {0}: ICE 2 and CAPD 0 -> ICANS {1}, BLINCYTO action grade {2}")
    @CsvSource({
        "2020-01-10, 0, 0", // 6 years: the CAPD 0 decides; the ICE of 2 is not counted, nothing to interrupt for
        "2011-06-01, 3, 1", // 14 years: the ICE 2 decides, ICANS 3 interrupts
        ", 3, 1", // age unknown: both tools count, the ICE 2 is grade 3
    })
    void theNeurologicalRowsReadTheIcansGradeForThePatientsAge(
            @Nullable LocalDate born, int icansGrade, int actionGrade) {
        var state = PatientState.empty(PATIENT)
                .apply(aPatientRecord(PATIENT, START.minus(Duration.ofDays(1)), born, null))
                .apply(infusionStarted(START))
                .apply(assessedWith(START.plus(Duration.ofHours(6)), 2, 0));

        var assessments = grader.assessAll(state);

        assertThat(gradeOf(assessments, Criterion.ICANS)).isEqualTo(icansGrade);
        assertThat(gradeOf(assessments, Criterion.BLINCYTO_ACTION)).isEqualTo(actionGrade);
    }

    private static @Nullable Integer gradeOf(List<Assessment> assessments, Criterion criterion) {
        return assessments.stream()
                .filter(assessment -> assessment.criterion() == criterion)
                .findFirst()
                .map(Assessment::grade)
                .orElse(null);
    }

    private static NeurologicAssessmentRecorded assessedWith(Instant at, int ice, int capd) {
        var eventId = UUID.randomUUID();
        return new NeurologicAssessmentRecorded(
                eventId,
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(5)),
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
