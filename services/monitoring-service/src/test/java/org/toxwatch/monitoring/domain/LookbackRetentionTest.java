package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.dosing.BesponsaPreDoseDecision;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.windows.Lookback;
import org.toxwatch.monitoring.domain.windows.Lookbacks;

/**
 * Each criterion that reads laboratory results or weights declares how far back it reads, and the state keeps
 * what those lookbacks reach: courses longer than the rolling 30 and 100 days are decided as they were.
 */
class LookbackRetentionTest {

    private static final Instant C1D1 = Instant.parse("2026-03-01T10:00:00Z");
    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private static Instant day(int day) {
        return C1D1.plus(Duration.ofDays(day));
    }

    @Test
    void everyCriterionReadingResultsOrWeightsDeclaresALookback() {
        var declared = Lookbacks.TABLE.stream()
                .flatMap(lookback -> lookback.criteria().stream())
                .distinct()
                .toList();

        assertThat(declared)
                .containsAll(Arrays.stream(Criterion.values())
                        .filter(c -> c != Criterion.CYTOKINE_RELEASE_SYNDROME && c != Criterion.ICANS)
                        .toList());
        assertThat(Lookbacks.ICAHT.calendarDays()).isTrue();
        assertThat(Lookbacks.ICAHT.reaches(day(0), day(100).plus(Lookback.CALENDAR_DAY_MARGIN)))
                .isTrue();
    }

    @Test
    void theBesponsaPreTreatmentCountsAreStillReadAtDay1OfCycle3() {
        // enrolled 10 days before C1D1, so the pre-treatment labs of day -3 come after T0 and are no baseline
        var state = labs(day(-3), "2.0", "150")
                .apply(PatientState.empty(PATIENT).apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, day(-10))));
        for (int[] given : new int[][] {{0, 1, 1}, {7, 1, 8}, {14, 1, 15}, {28, 2, 1}, {35, 2, 8}, {42, 2, 15}}) {
            state = state.apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(given[0]), given[1], given[2]));
        }

        state = labs(day(55), "0.9", "120").apply(state);

        var decision = grader.assessAll(state).stream()
                .filter(a -> a.criterion() == Criterion.BESPONSA_PRE_DOSE)
                .findFirst()
                .orElseThrow();
        assertThat(decision.summary()).startsWith("For the next planned dose, cycle 3 day 1: ");
        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.HOLD_GRADE);
        assertThat(decision.summary())
                .as("pre-treatment ANC >= 1.0 read 58 days later, so the normal-counts row applies")
                .contains("ANC_NOT_RECOVERED");
    }

    @Test
    void theVodReferenceWeightBeforeTheFirstDoseIsStillReadAfter100Days() {
        var state = PatientState.empty(PATIENT)
                .apply(vitalsAt(day(-1)).weight("70").build())
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(0), 1, 1));
        for (int cycle = 2; cycle <= 4; cycle++) {
            state = state.apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(28 * (cycle - 1)), cycle, 1));
        }

        state = state.apply(vitalsAt(day(110)).weight("74").build())
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("2.5")
                        .unit("mg/dL")
                        .range("0.1", "1.2")
                        .at(day(110))
                        .build());

        var vod = grader.assessAll(state).stream()
                .filter(a -> a.criterion() == Criterion.VOD_SOS)
                .findFirst()
                .orElseThrow();
        assertThat(vod.summary()).contains("> 5%: yes").contains("reference 70 kg");
    }

    /** ANC and platelets as given; normal total bilirubin (umol/L, ULN 21), AST (ULN 40) and ALT (ULN 45). */
    private static java.util.function.UnaryOperator<PatientState> labs(Instant at, String anc, String platelets) {
        return state -> state.apply(
                        aLab(Analyte.ANC).value(anc).range("1.8", "7.7").at(at).build())
                .apply(aLab(Analyte.PLATELETS)
                        .value(platelets)
                        .range("150", "400")
                        .at(at)
                        .build())
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("10")
                        .unit("umol/L")
                        .range("3", "21")
                        .at(at)
                        .build())
                .apply(aLab(Analyte.AST).value("30").range("10", "40").at(at).build())
                .apply(aLab(Analyte.ALT).value("25").range("7", "45").at(at).build());
    }
}
