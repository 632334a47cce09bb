package org.toxwatch.monitoring.domain.icans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;

/** CRITERIA.md 5.2-5.3: ICANS, ASTCT 2019. Rows come from the domain table of 5.2 and the rules of 5.3. */
class IcansRuleTest {

    private static final Instant AT = Instant.parse("2026-03-04T14:00:00Z");

    @Nested
    class IceScore {

        @ParameterizedTest(name = "ICE {0}, awake, no other finding -> grade {1}")
        @CsvSource({
            "10, 0", // ICE 10 maps to 0
            "9,  1", "7,  1", "6,  2", "3,  2", "2,  3",
            "0,  3", // ICE 0 in an awake patient (e.g. global aphasia) is grade 3, never 4
        })
        void mapsTheScoreToItsGrade(int iceScore, int expectedGrade) {
            var assessment = IcansRule.assess(allNormalBut(iceScore, LevelOfConsciousness.ALERT));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void zeroBecauseUnarousableIsGradeFourThroughConsciousness() {
            var assessment = IcansRule.assess(allNormalBut(0, LevelOfConsciousness.UNAROUSABLE));

            assertThat(assessment.grade()).isEqualTo(4);
            assertThat(assessment.summary()).contains("grade set by consciousness");
        }

        @Test
        void notDoneBecauseUnarousableIsGradeFour() {
            var assessment = IcansRule.assess(allNormalBut(null, LevelOfConsciousness.UNAROUSABLE));

            assertThat(assessment.grade()).isEqualTo(4);
        }
    }

    @Nested
    class LevelOfConsciousnessDomain {

        @ParameterizedTest(name = "ICE 10, {0} -> grade {1}")
        @CsvSource({
            "ALERT,                           0",
            "DEPRESSED_AWAKENS_SPONTANEOUSLY, 1",
            "AWAKENS_TO_VOICE,                2",
            "AWAKENS_TO_TACTILE,              3",
            "UNAROUSABLE,                     4",
        })
        void mapsEachRowToItsGrade(LevelOfConsciousness consciousness, int expectedGrade) {
            var assessment = IcansRule.assess(allNormalBut(10, consciousness));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }
    }

    @Nested
    class OtherDomains {

        @ParameterizedTest(name = "ICE 10, alert, seizure {0} -> grade {1}")
        @CsvSource({"NONE, 0", "RAPIDLY_RESOLVING, 3", "PROLONGED_OR_REPETITIVE, 4"})
        void seizures(SeizureFinding seizure, int expectedGrade) {
            var assessment = IcansRule.assess(assessment(
                    10,
                    null,
                    LevelOfConsciousness.ALERT,
                    seizure,
                    MotorFinding.NONE,
                    IntracranialPressureFinding.NONE));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @ParameterizedTest(name = "ICE 10, alert, motor {0} -> grade {1}")
        @CsvSource({"NONE, 0", "DEEP_FOCAL_WEAKNESS, 4"})
        void motorFindings(MotorFinding motor, int expectedGrade) {
            var assessment = IcansRule.assess(assessment(
                    10,
                    null,
                    LevelOfConsciousness.ALERT,
                    SeizureFinding.NONE,
                    motor,
                    IntracranialPressureFinding.NONE));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @ParameterizedTest(name = "ICE 10, alert, ICP {0} -> grade {1}")
        @CsvSource({
            "NONE,                                                       0",
            "FOCAL_EDEMA,                                                3",
            "DIFFUSE_EDEMA_OR_POSTURING_OR_CN6_OR_PAPILLEDEMA_OR_CUSHING, 4",
        })
        void raisedIntracranialPressure(IntracranialPressureFinding icp, int expectedGrade) {
            var assessment = IcansRule.assess(
                    assessment(10, null, LevelOfConsciousness.ALERT, SeizureFinding.NONE, MotorFinding.NONE, icp));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }
    }

    @Nested
    class OverallGrade {

        @ParameterizedTest(name = "ICE {0}, {1}, seizure {2}, motor {3}, ICP {4} -> grade {5}")
        @CsvSource({
            "8,  AWAKENS_TO_VOICE,                NONE,              NONE,                NONE,        2",
            "5,  DEPRESSED_AWAKENS_SPONTANEOUSLY, NONE,              NONE,                NONE,        2",
            "9,  ALERT,                           RAPIDLY_RESOLVING, NONE,                NONE,        3",
            "2,  AWAKENS_TO_VOICE,                NONE,              NONE,                FOCAL_EDEMA, 3",
            "6,  ALERT,                           NONE,              DEEP_FOCAL_WEAKNESS, NONE,        4",
        })
        void isTheHighestDomainGrade(
                int iceScore,
                LevelOfConsciousness consciousness,
                SeizureFinding seizure,
                MotorFinding motor,
                IntracranialPressureFinding icp,
                int expectedGrade) {
            var assessment = IcansRule.assess(assessment(iceScore, null, consciousness, seizure, motor, icp));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void explainsItselfWithTheDomainsAndThresholds() {
            var input = allNormalBut(5, LevelOfConsciousness.ALERT);

            var assessment = IcansRule.assess(input);

            assertThat(assessment.criterion()).isEqualTo(Criterion.ICANS);
            assertThat(assessment.assessedAt()).isEqualTo(AT);
            assertThat(assessment.labOnlyGrading()).isFalse();
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.NOT_USED);
            assertThat(assessment.summary())
                    .startsWith("ICANS grade 2 (ASTCT 2019): ICE score 5/10 (grade 2)")
                    .contains("grade set by ICE score")
                    .doesNotContain("Not assessed");
            assertThat(assessment.thresholds())
                    .filteredOn(AppliedThreshold::met)
                    .extracting(AppliedThreshold::condition)
                    .containsExactly(IcansRule.ICE_3_TO_6);
            assertThat(assessment.evidence())
                    .extracting(Evidence::code)
                    .containsExactly("ice-score", "icans-consciousness", "icans-seizure", "icans-motor", "icans-icp");
            assertThat(assessment.evidence()).allSatisfy(evidence -> {
                assertThat(evidence.eventId()).isEqualTo(input.eventId());
                assertThat(evidence.sourceMessageId()).isEqualTo(input.sourceMessageId());
            });
        }
    }

    @Nested
    class PartlyAssessed {

        @Test
        void isNotAssessableWhenNothingIsKnown() {
            var assessment = IcansRule.assess(assessment(null, null, null, null, null, null));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).isEqualTo("no ICANS domain was assessed");
        }

        @Test
        void isNotAssessableWithoutAScoreWhenNothingIsAbnormal() {
            var assessment = IcansRule.assess(assessment(
                    null,
                    null,
                    LevelOfConsciousness.ALERT,
                    SeizureFinding.NONE,
                    MotorFinding.NONE,
                    IntracranialPressureFinding.NONE));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("encephalopathy cannot be excluded");
        }

        @Test
        void gradesAnAbnormalFindingWithoutAScoreAndNamesWhatWasNotAssessed() {
            var assessment =
                    IcansRule.assess(assessment(null, null, null, SeizureFinding.RAPIDLY_RESOLVING, null, null));

            assertThat(assessment.grade()).isEqualTo(3);
            assertThat(assessment.summary())
                    .contains("Not assessed: ICE score, consciousness, motor, raised ICP / cerebral edema")
                    .contains("could be higher");
        }

        @Test
        void gradesAnIceScoreAloneAndNamesTheOtherDomainsAsNotAssessed() {
            var assessment = IcansRule.assess(assessment(10, null, null, null, null, null));

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.summary()).contains("Not assessed: consciousness, seizure, motor");
        }
    }

    /** CRITERIA.md 5.3, pediatric table: the CAPD replaces the ICE row. */
    @Nested
    class Children {

        @ParameterizedTest(name = "CAPD {0}, alert, no other finding -> grade {1}")
        @CsvSource({
            "0,  0", // not in the table: the CAPD's no-symptom end, read like ICE 10
            "1,  1", "8,  1", "9,  3", "32, 3",
        })
        void mapTheCapdScoreToItsGrade(int capdScore, int expectedGrade) {
            var assessment = IcansRule.assess(assessment(
                    null,
                    capdScore,
                    LevelOfConsciousness.ALERT,
                    SeizureFinding.NONE,
                    MotorFinding.NONE,
                    IntracranialPressureFinding.NONE));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void leaveGradeTwoToTheConsciousnessDomain() {
            var assessment = IcansRule.assess(assessment(
                    null,
                    4,
                    LevelOfConsciousness.AWAKENS_TO_VOICE,
                    SeizureFinding.NONE,
                    MotorFinding.NONE,
                    IntracranialPressureFinding.NONE));

            assertThat(assessment.grade()).isEqualTo(2);
        }

        @Test
        void countBothScoresWhenBothAreReported() {
            var assessment = IcansRule.assess(assessment(
                    10,
                    9,
                    LevelOfConsciousness.ALERT,
                    SeizureFinding.NONE,
                    MotorFinding.NONE,
                    IntracranialPressureFinding.NONE));

            assertThat(assessment.grade()).isEqualTo(3);
        }
    }

    private static NeurologicAssessmentRecorded allNormalBut(
            @Nullable Integer iceScore, LevelOfConsciousness consciousness) {
        return assessment(
                iceScore,
                null,
                consciousness,
                SeizureFinding.NONE,
                MotorFinding.NONE,
                IntracranialPressureFinding.NONE);
    }

    static NeurologicAssessmentRecorded assessment(
            @Nullable Integer iceScore,
            @Nullable Integer capdScore,
            @Nullable LevelOfConsciousness consciousness,
            @Nullable SeizureFinding seizure,
            @Nullable MotorFinding motor,
            @Nullable IntracranialPressureFinding icp) {
        var eventId = UUID.randomUUID();
        return new NeurologicAssessmentRecorded(
                eventId,
                "p-1",
                AT,
                AT.plusSeconds(300),
                "test-charting",
                "msg-" + eventId,
                iceScore,
                capdScore,
                consciousness,
                seizure,
                motor,
                icp,
                ResultStatus.FINAL);
    }
}
