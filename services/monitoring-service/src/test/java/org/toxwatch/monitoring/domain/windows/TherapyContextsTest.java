package org.toxwatch.monitoring.domain.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.daysAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.fold;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;

import java.time.Instant;
import java.time.ZoneId;
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
 * The therapy context of an assessment: the episode at its time, calendar day numbers in the hospital's zone and the
 * monitoring windows open then (CRITERIA.md 1.5, 9.2, 10).
 */
class TherapyContextsTest {

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

    private final ToxicityGrader inBerlin = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    @Test
    void isAbsentOutsideAnyEpisode() {
        var assessment = assess(
                Criterion.NEUTROPHIL_COUNT_DECREASED,
                aLab(Analyte.ANC).value("0.4").build());

        assertThat(assessment.therapyContext()).isNull();
    }

    @ParameterizedTest(name = "result at {0}: day {1} of therapy, day {2} since infusion")
    @CsvSource({
        "2026-03-11T22:30:00Z, 6, 0", // 23:30 in Berlin, still the infusion's calendar day
        "2026-03-11T23:30:00Z, 7, 1", // 00:30 the next day in Berlin
        "2026-03-06T12:00:00Z, 1, -5",
    })
    void countsCalendarDaysInTheHospitalZoneFromDayZero(Instant collectedAt, int dayOfTherapy, int daySinceInfusion) {
        var state = fold(
                enrolled(Therapy.CAR_T, Instant.parse("2026-03-05T10:00:00Z")),
                carTInfused(Instant.parse("2026-03-10T23:30:00Z")), // 00:30 on 11 March in Berlin
                aLab(Analyte.ANC).value("0.4").at(collectedAt).build());

        var context = find(inBerlin.assessAll(state), Criterion.NEUTROPHIL_COUNT_DECREASED)
                .therapyContext();

        assertThat(context.therapy()).isEqualTo(Therapy.CAR_T);
        assertThat(context.startedAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
        assertThat(context.dayOfTherapy()).isEqualTo(dayOfTherapy);
        assertThat(context.daySinceInfusion()).isEqualTo(daySinceInfusion);
    }

    @Test
    void showsTheOpenCarTWindowsOfTheInfusedProduct() {
        var context = assess(
                        Criterion.NEUTROPHIL_COUNT_DECREASED,
                        enrolled(Therapy.CAR_T, daysBefore(5)),
                        carTInfused(NOW),
                        aLab(Analyte.ANC).value("0.4").at(daysAfter(3)).build())
                .therapyContext();

        assertThat(context.highIntensityMonitoring()).isTrue();
        assertThat(context.monitoringWindows())
                .contains("CAR-T intensive monitoring, day 0-14 (ToxWatch default)")
                .anyMatch(window -> window.contains("KYMRIAH label 6/2025"));
    }

    @Test
    void flagsTheBlinatumomabHospitalizationWindowOfCycleOne() {
        var context = assess(
                        Criterion.NEUTROPHIL_COUNT_DECREASED,
                        enrolled(Therapy.BLINATUMOMAB, NOW),
                        infusionStarted(NOW),
                        aLab(Analyte.ANC).value("0.4").at(daysAfter(8)).build())
                .therapyContext();

        assertThat(context.highIntensityMonitoring()).isTrue();
        assertThat(context.monitoringWindows()).singleElement().asString().contains("cycle 1 day 9");
    }

    @Test
    void isNotHighIntensityForInotuzumab() {
        var context = assess(
                        Criterion.NEUTROPHIL_COUNT_DECREASED,
                        enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, NOW),
                        aLab(Analyte.ANC).value("0.4").at(daysAfter(1)).build())
                .therapyContext();

        assertThat(context.highIntensityMonitoring()).isFalse();
        assertThat(context.monitoringWindows()).isEmpty();
    }

    @Test
    void hasNoInfusionDayOutsideCarT() {
        var assessment = assess(
                Criterion.NEUTROPHIL_COUNT_DECREASED,
                infusionStarted(NOW),
                aLab(Analyte.ANC).value("0.4").at(daysAfter(2)).build());

        assertThat(assessment.therapyContext().therapy()).isEqualTo(Therapy.BLINATUMOMAB);
        assertThat(assessment.therapyContext().dayOfTherapy()).isEqualTo(2);
        assertThat(assessment.therapyContext().daySinceInfusion()).isNull();
    }
}
