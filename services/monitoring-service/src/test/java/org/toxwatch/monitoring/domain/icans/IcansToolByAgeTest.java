package org.toxwatch.monitoring.domain.icans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.PatientProfile;

/**
 * CRITERIA.md 5.3, A-7 decided: the CAPD decides the encephalopathy row for a child younger than 12 years at the
 * assessment, the ICE from 12 years on; a mismatched tool is graded as reported and named; no age, the reported
 * tool decides and the assessment says "age unknown".
 */
class IcansToolByAgeTest {

    private static final ZoneId HOSPITAL = ZoneId.of("Europe/Berlin");

    /** 14:00 in Berlin on 4 March 2026. */
    private static final Instant AT = Instant.parse("2026-03-04T13:00:00Z");

    private static final LocalDate TWELFTH_BIRTHDAY_TOMORROW = LocalDate.parse("2014-03-05"); // 11 y 364 d
    private static final LocalDate TWELFTH_BIRTHDAY_TODAY = LocalDate.parse("2014-03-04"); // 12 y 0 d
    private static final LocalDate SIX_YEARS_OLD = LocalDate.parse("2020-01-10");
    private static final LocalDate FOURTEEN_YEARS_OLD = LocalDate.parse("2011-06-01");

    @Nested
    class AtTheTwelveYearBoundary {

        @Test
        void aChildOneDayShortOfTwelveIsGradedByTheCapd() {
            // ICE 10 would be grade 0; CAPD 9 is grade 3
            var assessment = grade(TWELFTH_BIRTHDAY_TOMORROW, 10, 9);

            assertThat(assessment.grade()).isEqualTo(3);
            assertThat(assessment.summary())
                    .contains("Encephalopathy tool: age 11 years: CAPD (under 12 years) decides the encephalopathy"
                            + " row; the ICE also reported is not counted.")
                    .doesNotContain("ICE score 10/10");
        }

        @Test
        void aChildOnTheTwelfthBirthdayIsGradedByTheIce() {
            var assessment = grade(TWELFTH_BIRTHDAY_TODAY, 10, 9);

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.summary())
                    .contains("Encephalopathy tool: age 12 years: ICE (from 12 years) decides the encephalopathy"
                            + " row; the CAPD also reported is not counted.")
                    .doesNotContain("CAPD score 9");
        }

        @Test
        void theBirthdayIsTheCalendarDayInTheHospitalsZone() {
            // 23:30 UTC on 3 March is already 4 March in Berlin: the twelfth birthday
            var lateEvening = Instant.parse("2026-03-03T23:30:00Z");

            var assessment =
                    IcansRule.assess(assessment(lateEvening, 10, 9), ageOn(TWELFTH_BIRTHDAY_TODAY, lateEvening));

            assertThat(assessment.grade()).isZero();
        }
    }

    @Nested
    class BothToolsReported {

        @ParameterizedTest(name = "born {0}, ICE {1}, CAPD {2} -> grade {3} by the {4}")
        @CsvSource({
            "2020-01-10, 10, 9, 3, CAPD", // 6 years: the CAPD decides, the ICE 10 does not lower it
            "2020-01-10, 2,  0, 0, CAPD", // 6 years: an ICE of 2 is not counted
            "2011-06-01, 10, 9, 0, ICE", // 14 years: the ICE decides
            "2011-06-01, 2,  0, 3, ICE",
        })
        void theAgeAppropriateToolDecidesTheEncephalopathyRow(
                LocalDate born, int ice, int capd, int expectedGrade, String decidingTool) {
            var assessment = grade(born, ice, capd);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
            assertThat(assessment.summary()).contains(": " + decidingTool + " (", "decides the encephalopathy row");
        }

        @Test
        void withoutAnAgeBothCountAndTheAssessmentSaysAgeUnknown() {
            var assessment = IcansRule.assess(assessment(AT, 10, 9), Optional.empty());

            assertThat(assessment.grade()).isEqualTo(3);
            assertThat(assessment.summary())
                    .contains("Encephalopathy tool: age unknown: ICE and CAPD both reported, both counted.");
        }
    }

    @Nested
    class OtherToolThanTheAgeCallsFor {

        @Test
        void aCapdForAFourteenYearOldIsGradedAsReportedAndNamed() {
            var assessment = grade(FOURTEEN_YEARS_OLD, null, 9);

            assertThat(assessment.grade()).isEqualTo(3);
            assertThat(assessment.summary())
                    .contains("CAPD reported for a 14-year-old: ICE expected from 12 years; graded with the CAPD as"
                            + " reported");
            assertThat(assessment.thresholds())
                    .filteredOn(AppliedThreshold::met)
                    .extracting(AppliedThreshold::condition)
                    .containsExactly(IcansRule.CAPD_9_OR_MORE);
        }

        @Test
        void anIceForAnElevenYearOldIsGradedAsReportedAndNamed() {
            var assessment = grade(TWELFTH_BIRTHDAY_TOMORROW, 5, null);

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary())
                    .contains("ICE reported for an 11-year-old: CAPD expected under 12 years; graded with the ICE as"
                            + " reported");
        }

        @Test
        void anIceOnTheTwelfthBirthdayIsNotAMismatch() {
            var assessment = grade(TWELFTH_BIRTHDAY_TODAY, 5, null);

            assertThat(assessment.summary())
                    .contains("Encephalopathy tool: age 12 years: ICE (from 12 years).")
                    .doesNotContain("expected");
        }
    }

    @Nested
    class OneToolAsTheAgeCallsFor {

        @ParameterizedTest(name = "6-year-old, CAPD {0} -> grade {1}")
        @CsvSource({"0, 0", "1, 1", "8, 1", "9, 3"})
        void aChildsCapdIsGradedByThePaediatricTable(int capd, int expectedGrade) {
            var assessment = grade(SIX_YEARS_OLD, null, capd);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
            assertThat(assessment.summary()).contains("Encephalopathy tool: age 6 years: CAPD (under 12 years).");
        }

        @ParameterizedTest(name = "14-year-old, ICE {0} -> grade {1}")
        @CsvSource({"10, 0", "9, 1", "7, 1", "6, 2", "3, 2", "2, 3"})
        void anAdolescentsIceIsGradedByTheIceRow(int ice, int expectedGrade) {
            var assessment = grade(FOURTEEN_YEARS_OLD, ice, null);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void aChildWithoutAScoreMissesTheCapd() {
            var input = new NeurologicAssessmentRecorded(
                    UUID.randomUUID(),
                    "p-1",
                    AT,
                    AT,
                    "test-charting",
                    "msg-1",
                    null,
                    null,
                    LevelOfConsciousness.AWAKENS_TO_VOICE,
                    null,
                    null,
                    null,
                    ResultStatus.FINAL);

            var assessment = IcansRule.assess(input, ageOn(SIX_YEARS_OLD, AT));

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary())
                    .contains("Encephalopathy tool: age 6 years: CAPD (under 12 years), not reported.")
                    .contains("Not assessed: CAPD score, seizure");
            assertThat(assessment.thresholds())
                    .extracting(AppliedThreshold::condition)
                    .contains(IcansRule.CAPD_1_TO_8)
                    .doesNotContain(IcansRule.ICE_7_TO_9);
        }
    }

    @Nested
    class AgeUnknown {

        @Test
        void theReportedCapdDecidesAndTheAssessmentSaysAgeUnknown() {
            var assessment = IcansRule.assess(assessment(AT, null, 4), Optional.empty());

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary())
                    .contains("Encephalopathy tool: age unknown: the reported CAPD decides the encephalopathy row.");
        }

        @Test
        void theReportedIceDecidesAndTheAssessmentSaysAgeUnknown() {
            var assessment = IcansRule.assess(assessment(AT, 6, null), Optional.empty());

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary())
                    .contains("Encephalopathy tool: age unknown: the reported ICE decides the encephalopathy row.");
        }

        @Test
        void isWhatTheOneArgumentFormAssumes() {
            var input = assessment(AT, 6, 9);

            assertThat(IcansRule.assess(input)).isEqualTo(IcansRule.assess(input, Optional.empty()));
        }
    }

    private static Assessment grade(LocalDate born, @Nullable Integer ice, @Nullable Integer capd) {
        return IcansRule.assess(assessment(AT, ice, capd), ageOn(born, AT));
    }

    private static Optional<AgeAtAssessment> ageOn(LocalDate born, Instant at) {
        return new PatientProfile(born, null).ageAt(at, HOSPITAL);
    }

    private static NeurologicAssessmentRecorded assessment(Instant at, @Nullable Integer ice, @Nullable Integer capd) {
        var eventId = UUID.randomUUID();
        return new NeurologicAssessmentRecorded(
                eventId,
                "p-1",
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
