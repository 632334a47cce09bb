package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.dosing.BlincytoActionRules.Row;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 9.1: the BLINCYTO action rules. Grade 2 = DISCONTINUE, 1 = INTERRUPT, 0 = no row fires. */
class BlincytoActionRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static List<Row> rows(@Nullable String names) {
        return names == null || names.isBlank()
                ? List.of()
                : Arrays.stream(names.trim().split("\\s+")).map(Row::valueOf).toList();
    }

    private static List<Row> fired(Assessment assessment) {
        return assessment.thresholds().stream()
                .filter(AppliedThreshold::met)
                .map(threshold -> Arrays.stream(Row.values())
                        .filter(row -> threshold.condition().startsWith(row.condition()))
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    @Nested
    class CytokineReleaseSyndrome {

        @ParameterizedTest(name = "CRS grade {0} -> action grade {1} {2}")
        @CsvSource({
            "0, 0, ",
            "1, 0, ",
            "2, 0, ",
            "3, 1, CRS_GRADE_3",
            "4, 2, CRS_GRADE_4",
        })
        void interruptsAtGradeThreeAndDiscontinuesAtGradeFour(int crsGrade, int expected, @Nullable String rows) {
            var assessment = BlincytoActionRules.assess(inputs().crs(crsGrade).build());

            assertThat(assessment.criterion()).isEqualTo(Criterion.BLINCYTO_ACTION);
            assertThat(assessment.grade()).isEqualTo(expected);
            assertThat(fired(assessment)).containsExactlyElementsOf(rows(rows));
        }

        @Test
        void aCrsGrade4EarlierInTheEpisodeStillDiscontinuesWhenTheGradeHasFallen() {
            var fallen = BlincytoActionRules.assess(
                    inputs().crs(1).highestCrsGradeThisEpisode(4).build());
            var neverFour = BlincytoActionRules.assess(
                    inputs().crs(1).highestCrsGradeThisEpisode(3).build());

            assertThat(fallen.grade()).isEqualTo(2);
            assertThat(fired(fallen)).containsExactlyElementsOf(rows("CRS_GRADE_4"));
            assertThat(fallen.summary()).contains("CRS grade 4 earlier in this episode");
            assertThat(neverFour.grade())
                    .as("grade 3 interrupts only while it lasts")
                    .isZero();
        }

        @Test
        void saysHowToRestartAfterGradeThree() {
            var assessment = BlincytoActionRules.assess(inputs().crs(3).build());

            assertThat(assessment.summary())
                    .startsWith("BLINCYTO action: INTERRUPT (CRS_GRADE_3)")
                    .contains("restart at 9 mcg/day")
                    .contains("28 mcg/day");
        }
    }

    /** Strict {@code >}: exactly 5.0 x ULN (transaminases) and 3.0 x ULN (bilirubin) do not fire. */
    @Nested
    class LiverTests {

        @ParameterizedTest(name = "{0} {1} {2} (ULN {3}) -> action grade {4}")
        @CsvSource({
            "ALT,             200,   U/L,    40,  0", // exactly 5.0 x ULN
            "ALT,             200.1, U/L,    40,  1",
            "ALT,             199.9, U/L,    40,  0",
            "AST,             200,   U/L,    40,  0",
            "AST,             200.1, U/L,    40,  1",
            "TOTAL_BILIRUBIN, 3.6,   mg/dL,  1.2, 0", // exactly 3.0 x ULN
            "TOTAL_BILIRUBIN, 3.61,  mg/dL,  1.2, 1",
            "TOTAL_BILIRUBIN, 63,    umol/L, 21,  0", // exactly 3.0 x ULN in the reported unit
            "TOTAL_BILIRUBIN, 63.1,  umol/L, 21,  1",
        })
        void interruptAboveTheMultipleOfTheUln(Analyte analyte, String value, String unit, String uln, int expected) {
            var test = aLab(analyte).value(value).unit(unit).range(null, uln).read();

            var assessment = BlincytoActionRules.assess(inputs().lab(test).build());

            assertThat(assessment.grade()).isEqualTo(expected);
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.REPORTED);
            assertThat(assessment.evidence())
                    .extracting(e -> e.eventId())
                    .contains(test.observation().eventId());
        }

        @Test
        void useTheDefaultUlnWhenTheResultHasNoneAndSaySo() {
            // default ALT ULN 40 U/L (13.4)
            var alt = aLab(Analyte.ALT).value("201").unit("U/L").read();

            var assessment = BlincytoActionRules.assess(inputs().lab(alt).build());

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(fired(assessment)).containsExactly(Row.TRANSAMINASES);
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
        }
    }

    /** "Prolonged neutropenia": CTCAE grade 4 (ANC < 0.5, 2.5) for at least 7 days, a ToxWatch default. */
    @Nested
    class ProlongedNeutropenia {

        @ParameterizedTest(name = "ANC {0} 10*9/L every day from day 0 to day {1} -> action grade {2}")
        @CsvSource({
            "0.4,  6, 0",
            "0.4,  7, 1",
            "0.49, 9, 1",
            "0.5,  9, 0", // 0.5 is grade 3, not 4
        })
        void interruptsAfterSevenCalendarDaysOfGradeFour(String anc, int lastDay, int expected) {
            var builder = inputs();
            for (int day = 0; day <= lastDay; day++) {
                builder.anc(anc, NOW.plus(Duration.ofDays(day)));
            }

            var assessment = BlincytoActionRules.assess(builder.build());

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void countsCalendarDaysInTheHospitalZoneNotHours() {
            // 23:30 on day 0 to 00:30 seven calendar days later in Berlin: 6 days and 1 hour apart
            var first = Instant.parse("2026-03-02T22:30:00Z");
            var last = Instant.parse("2026-03-08T23:30:00Z");

            var assessment = BlincytoActionRules.assess(
                    inputs().anc("0.3", first).anc("0.2", last).now(last).build());

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(fired(assessment)).containsExactly(Row.PROLONGED_NEUTROPENIA);
            assertThat(assessment.summary()).contains("ToxWatch default");
        }

        @Test
        void startsTheRunAgainAfterAnAncThatIsNotGradeFour() {
            var assessment = BlincytoActionRules.assess(inputs().anc("0.3", NOW)
                    .anc("0.6", NOW.plus(Duration.ofDays(3)))
                    .anc("0.3", NOW.plus(Duration.ofDays(4)))
                    .anc("0.3", NOW.plus(Duration.ofDays(8)))
                    .build());

            assertThat(assessment.grade()).isZero();
        }

        @Test
        void endsWhenTheNewestAncHasRecovered() {
            var assessment = BlincytoActionRules.assess(inputs().anc("0.3", NOW)
                    .anc("0.3", NOW.plus(Duration.ofDays(8)))
                    .anc("0.8", NOW.plus(Duration.ofDays(9)))
                    .build());

            assertThat(assessment.grade()).isZero();
        }
    }

    @Nested
    class NeurologicalToxicity {

        @Test
        void oneRapidlyResolvingSeizureIsGradeThreeAndInterrupts() {
            var assessment = BlincytoActionRules.assess(inputs().neuro(hours(0), 10, SeizureFinding.RAPIDLY_RESOLVING)
                    .build());

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(fired(assessment)).containsExactly(Row.NEURO_GRADE_3);
        }

        @Test
        void twoSeizuresInTheEpisodeDiscontinueEvenAfterRecovery() {
            var assessment = BlincytoActionRules.assess(inputs().neuro(hours(0), 10, SeizureFinding.RAPIDLY_RESOLVING)
                    .neuro(hours(30), 10, SeizureFinding.RAPIDLY_RESOLVING)
                    .neuro(hours(200), 10, SeizureFinding.NONE)
                    .build());

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(fired(assessment)).contains(Row.MORE_THAN_ONE_SEIZURE);
        }

        @Test
        void repetitiveSeizuresAreMoreThanOneAndGradeFour() {
            var assessment =
                    BlincytoActionRules.assess(inputs().neuro(hours(0), 10, SeizureFinding.PROLONGED_OR_REPETITIVE)
                            .build());

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(fired(assessment)).containsExactly(Row.MORE_THAN_ONE_SEIZURE, Row.NEURO_GRADE_4);
        }

        @Test
        void gradeFourEarlierInTheEpisodeStillDiscontinues() {
            var assessment = BlincytoActionRules.assess(inputs().neuro(hours(0), null, LevelOfConsciousness.UNAROUSABLE)
                    .neuro(hours(100), 10, LevelOfConsciousness.ALERT)
                    .build());

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(fired(assessment)).containsExactly(Row.NEURO_GRADE_4);
        }

        @ParameterizedTest(name = "ICANS 3 at 0 h, ICE 10 from {0} h, now {1} h -> action grade {2} {3}")
        @CsvSource({
            // not yet resolved: interrupt
            ",    24,  1, NEURO_GRADE_3",
            ",    168, 1, NEURO_GRADE_3",
            // resolved: keep interrupted until grade <= 1 for 3 days (72 h)
            "48,  119, 1, NEURO_GRADE_3",
            "48,  120, 0, ",
            // took more than 7 days to resolve
            "168, 300, 0, ",
            "169, 300, 2, NEURO_GRADE_3_SLOW_TO_RESOLVE",
        })
        void gradeThreeInterruptsUntilNoMoreThanGradeOneForThreeDays(
                @Nullable Integer resolvedHour, int nowHour, int expected, @Nullable String rows) {
            var builder = inputs().neuro(hours(0), 2, LevelOfConsciousness.ALERT)
                    .neuro(hours(12), 5, LevelOfConsciousness.ALERT);
            if (resolvedHour != null) {
                builder.neuro(hours(resolvedHour), 10, LevelOfConsciousness.ALERT);
            }

            var assessment =
                    BlincytoActionRules.assess(builder.now(hours(nowHour)).build());

            assertThat(assessment.grade()).isEqualTo(expected);
            assertThat(fired(assessment)).containsExactlyElementsOf(rows(rows));
        }

        @ParameterizedTest(name = "ICANS 3 at 0 h, still ICE 5 at {0} h -> action grade {1} {2}")
        @CsvSource({"168, 1, NEURO_GRADE_3", "169, 2, NEURO_GRADE_3_SLOW_TO_RESOLVE"})
        void gradeThreeStillAboveGradeOneMoreThanSevenDaysLaterDiscontinues(
                int stillAboveHour, int expected, String row) {
            var assessment = BlincytoActionRules.assess(inputs().neuro(hours(0), 2, LevelOfConsciousness.ALERT)
                    .neuro(hours(stillAboveHour), 5, LevelOfConsciousness.ALERT)
                    .build());

            assertThat(assessment.grade()).isEqualTo(expected);
            assertThat(fired(assessment)).containsExactly(Row.valueOf(row));
        }

        @Test
        void aGapInChartingIsNotASlowResolution() {
            var assessment = BlincytoActionRules.assess(inputs().neuro(hours(0), 2, LevelOfConsciousness.ALERT)
                    .neuro(hours(12), 5, LevelOfConsciousness.ALERT)
                    .now(hours(200))
                    .build());

            assertThat(fired(assessment)).containsExactly(Row.NEURO_GRADE_3);
            assertThat(assessment.summary()).contains("whether it resolved within 7 days is unknown");
        }

        @Test
        void aGradeTwoRelapseBeforeGradeOneDoesNotEndTheSpell() {
            var assessment = BlincytoActionRules.assess(inputs().neuro(hours(0), 2, LevelOfConsciousness.ALERT)
                    .neuro(hours(24), 8, LevelOfConsciousness.ALERT)
                    .neuro(hours(48), 5, LevelOfConsciousness.ALERT)
                    .now(hours(150))
                    .build());

            assertThat(fired(assessment)).containsExactly(Row.NEURO_GRADE_3);
        }
    }

    @Nested
    class Decision {

        @Test
        void discontinueWinsOverInterrupt() {
            var alt =
                    aLab(Analyte.ALT).value("400").unit("U/L").range(null, "40").read();

            var assessment = BlincytoActionRules.assess(inputs().crs(4).lab(alt).build());

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(fired(assessment)).containsExactly(Row.CRS_GRADE_4, Row.TRANSAMINASES);
        }

        @Test
        void namesTheConfiguredGradingSystemAndWhatWasNotEvaluated() {
            var assessment = BlincytoActionRules.assess(inputs().crs(1).build());

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.summary())
                    .contains("No action row of the label fires")
                    .contains("ASTCT 2019 CRS and ICANS grades (configured; A-14, docs/clinical/conventions.md#a-14)")
                    .contains("Liver rows not evaluated")
                    .contains("Neurological rows not evaluated");
            assertThat(assessment.thresholds())
                    .extracting(AppliedThreshold::condition)
                    .allMatch(condition -> condition.contains("ASTCT 2019"));
        }

        @Test
        void listsEveryRowAsAThresholdWithItsAction() {
            var assessment = BlincytoActionRules.assess(inputs().crs(0).build());

            assertThat(assessment.thresholds()).hasSize(Row.values().length);
            assertThat(assessment.thresholds())
                    .filteredOn(threshold -> threshold.condition().startsWith(Row.CRS_GRADE_4.condition()))
                    .extracting(AppliedThreshold::grade)
                    .containsExactly(BlincytoActionRules.DISCONTINUE_GRADE);
        }
    }

    private static Instant hours(long hours) {
        return NOW.plus(Duration.ofHours(hours));
    }

    private static Inputs inputs() {
        return new Inputs();
    }

    /** BLINCYTO inputs under construction; {@code now} defaults to the newest input time. */
    private static final class Inputs {
        private @Nullable Instant now;
        private @Nullable Assessment crs;
        private @Nullable Integer highestCrsGrade;
        private final List<NeurologicAssessmentRecorded> neuro = new ArrayList<>();
        private @Nullable LabResult alt;
        private @Nullable LabResult ast;
        private @Nullable LabResult bilirubin;
        private final List<Observation> ancs = new ArrayList<>();

        Inputs highestCrsGradeThisEpisode(int grade) {
            highestCrsGrade = grade;
            return this;
        }

        Inputs crs(int grade) {
            crs = Assessment.graded(
                    Criterion.CYTOKINE_RELEASE_SYNDROME,
                    grade,
                    NOW,
                    "CRS grade " + grade,
                    List.of(),
                    List.of(),
                    false,
                    ReferenceRangeSource.NOT_USED);
            return this;
        }

        Inputs lab(LabResult result) {
            switch (result.analyte()) {
                case ALT -> alt = result;
                case AST -> ast = result;
                case TOTAL_BILIRUBIN -> bilirubin = result;
                default -> throw new IllegalArgumentException(result.analyte().name());
            }
            return this;
        }

        Inputs anc(String value, Instant at) {
            var id = UUID.randomUUID();
            var anc = new BigDecimal(value);
            ancs.add(new Observation(id, "751-8", "ANC", anc, "10*9/L", anc, "10*9/L", null, at, "msg-" + id));
            return this;
        }

        Inputs neuro(Instant at, @Nullable Integer ice, SeizureFinding seizure) {
            return neuro(at, ice, LevelOfConsciousness.ALERT, seizure);
        }

        Inputs neuro(Instant at, @Nullable Integer ice, LevelOfConsciousness consciousness) {
            return neuro(at, ice, consciousness, SeizureFinding.NONE);
        }

        private Inputs neuro(
                Instant at, @Nullable Integer ice, LevelOfConsciousness consciousness, SeizureFinding seizure) {
            var id = UUID.randomUUID();
            neuro.add(new NeurologicAssessmentRecorded(
                    id,
                    "p-1",
                    at,
                    at,
                    "test",
                    "msg-" + id,
                    ice,
                    null,
                    consciousness,
                    seizure,
                    MotorFinding.NONE,
                    IntracranialPressureFinding.NONE,
                    ResultStatus.FINAL));
            return this;
        }

        Inputs now(Instant now) {
            this.now = now;
            return this;
        }

        BlincytoInputs build() {
            var newest = NOW;
            for (var a : neuro) {
                newest = a.observedAt().isAfter(newest) ? a.observedAt() : newest;
            }
            for (var a : ancs) {
                newest = a.observedAt().isAfter(newest) ? a.observedAt() : newest;
            }
            return new BlincytoInputs(
                    now == null ? newest : now,
                    ZONE,
                    BlincytoGradingSystem.ASTCT_2019,
                    crs,
                    highestCrsGrade,
                    neuro,
                    alt,
                    ast,
                    bilirubin,
                    ancs);
        }
    }
}
