package org.toxwatch.monitoring.domain.febrileneutropenia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.fold;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Febrile neutropenia (CRITERIA.md section 3) on a patient's state: it runs when the state holds an ANC and a
 * temperature.
 */
class FebrileNeutropeniaTest {

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
    void runsWhenAnAncAndATemperatureExist() {
        var assessment = assess(
                Criterion.FEBRILE_NEUTROPENIA,
                aLab(Analyte.ANC).value("0.5").build(),
                vitalsAt(hoursAfter(1)).temperature("38.5").build());

        assertThat(assessment.grade()).isEqualTo(3);
    }

    @Test
    void readsAncsReportedPerMicrolitre() {
        var assessment = assess(
                Criterion.FEBRILE_NEUTROPENIA,
                aLab(Analyte.ANC).value("500").unit("/uL").build(),
                vitalsAt(hoursAfter(1)).temperature("38.5").build());

        assertThat(assessment.grade()).isEqualTo(3);
    }

    @Test
    void doesNotRunWithoutATemperature() {
        assertThat(assess(
                        Criterion.FEBRILE_NEUTROPENIA,
                        aLab(Analyte.ANC).value("0.5").build()))
                .isNull();
    }
}
