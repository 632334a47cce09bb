package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.daysAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.fold;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;

import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The CTCAE laboratory terms on a patient's state: the newest result by collection time, graded with the baseline of
 * the episode it falls in (CRITERIA.md 1.4, 1.5); only terms that have a value are produced.
 */
class LabTermTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneOffset.UTC);

    private static @Nullable Assessment find(List<Assessment> assessments, Criterion criterion) {
        return assessments.stream()
                .filter(assessment -> assessment.criterion() == criterion)
                .findFirst()
                .orElse(null);
    }

    private @Nullable Assessment assess(Criterion criterion, Object... events) {
        return find(grader.assessAll(fold(events)), criterion);
    }

    @Test
    void gradesTheNewestResultByCollectionTimeEvenWhenAnOlderOneArrivesLater() {
        var assessment = assess(
                Criterion.PLATELET_COUNT_DECREASED,
                aLab(Analyte.PLATELETS)
                        .value("40")
                        .range("150", "400")
                        .at(hoursAfter(2))
                        .build(),
                aLab(Analyte.PLATELETS)
                        .value("160")
                        .range("150", "400")
                        .at(hoursAfter(1))
                        .build());

        assertThat(assessment.grade()).isEqualTo(3);
        assertThat(assessment.assessedAt()).isEqualTo(hoursAfter(2));
    }

    @Test
    void producesOnlyTermsThatHaveAValue() {
        var assessments = grader.assessAll(fold(aLab(Analyte.ANC).value("0.4").build()));

        assertThat(assessments).extracting(Assessment::criterion).containsExactly(Criterion.NEUTROPHIL_COUNT_DECREASED);
    }

    @Test
    void producesBothPotassiumDirections() {
        var assessments =
                grader.assessAll(fold(aLab(Analyte.POTASSIUM).value("6.1").build()));

        assertThat(assessments)
                .extracting(Assessment::criterion, Assessment::grade)
                .containsExactly(tuple(Criterion.HYPERKALEMIA, 3), tuple(Criterion.HYPOKALEMIA, 0));
    }

    @Test
    void isNotAssessableForAUnitTheTableDoesNotMap() {
        var assessment = assess(
                Criterion.PLATELET_COUNT_DECREASED,
                aLab(Analyte.PLATELETS).value("150").unit("mg").build());

        assertThat(assessment.grade()).isNull();
        assertThat(assessment.notAssessableReason()).contains("'mg'").contains("Platelets");
        assertThat(assessment.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.unit()).isEqualTo("mg");
            assertThat(evidence.canonicalValue()).isNull();
        });
    }

    @Test
    void gradesWithTheBaselineOfTheEpisodeTheResultFallsIn() {
        var baseline = aLab(Analyte.ALT)
                .value("100")
                .range(null, "40")
                .at(daysBefore(2))
                .build();
        var later = aLab(Analyte.ALT)
                .value("140")
                .range(null, "40")
                .at(daysAfter(3))
                .build();

        var withEpisode = assess(
                Criterion.ALANINE_AMINOTRANSFERASE_INCREASED,
                baseline,
                enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, NOW),
                later);
        var withoutEpisode = assess(Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, baseline, later);

        assertThat(withEpisode.grade()).isZero();
        assertThat(withoutEpisode.grade()).isEqualTo(2);
    }

    @Test
    void gradesCreatinineAgainstTheEpisodeBaseline() {
        var assessment = assess(
                Criterion.CREATININE_INCREASED,
                aLab(Analyte.CREATININE)
                        .value("0.5")
                        .range("0.6", "1.2")
                        .at(daysBefore(1))
                        .build(),
                enrolled(Therapy.BLINATUMOMAB, NOW),
                aLab(Analyte.CREATININE)
                        .value("0.8")
                        .range("0.6", "1.2")
                        .at(daysAfter(2))
                        .build());

        assertThat(assessment.grade()).isEqualTo(2);
    }

    @ParameterizedTest(name = "albumin {0} h after the total calcium -> grade {1}")
    @CsvSource({
        "23, 0", // corrected 7.6 + 0.8 x (4.0 - 2.0) = 9.2
        "-23, 0", "25, 2", // too far: the total calcium is graded uncorrected
    })
    void correctsTotalCalciumWithAnAlbuminWithin24Hours(long albuminHours, int expected) {
        var assessment = assess(
                Criterion.HYPOCALCEMIA_CORRECTED,
                aLab(Analyte.CALCIUM_TOTAL).value("7.6").at(NOW).build(),
                aLab(Analyte.ALBUMIN).value("2.0").at(hoursAfter(albuminHours)).build());

        assertThat(assessment.grade()).isEqualTo(expected);
    }

    @Test
    void prefersTheLaboratorysCorrectedCalciumFromTheSameSpecimen() {
        var assessment = assess(
                Criterion.HYPOCALCEMIA_CORRECTED,
                aLab(Analyte.CALCIUM_TOTAL).value("7.6").build(),
                aLab(Analyte.CALCIUM_CORRECTED).value("8.8").build());

        assertThat(assessment.grade()).isZero();
    }
}
