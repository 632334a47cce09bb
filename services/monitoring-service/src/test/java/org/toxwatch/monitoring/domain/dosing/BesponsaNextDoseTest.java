package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.InotuzumabLabs.labs;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.drugGiven;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The BESPONSA pre-dose decision (CRITERIA.md 8.2) taken by the grader for the next planned dose of an
 * inotuzumab episode, from the labs since the last dose (the decision's own table is BesponsaPreDoseDecisionTest).
 */
class BesponsaNextDoseTest {

    private static final Instant C1D1 = Instant.parse("2026-03-01T10:00:00Z");
    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private static Instant day(int cycleDay) {
        return C1D1.plus(Duration.ofDays(cycleDay - 1));
    }

    /** Normal pre-treatment labs (ANC 2.0, platelets 150, bilirubin 10 umol/L, AST 30, ALT 25) and the first dose. */
    private static PatientState firstDoseGiven() {
        var before = C1D1.minus(Duration.ofHours(3));
        return labs(PatientState.empty(PATIENT), before, "2.0", "150", "10", "30", "25")
                .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1.minus(Duration.ofHours(1))))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1, 1, 1));
    }

    private Optional<Assessment> decision(PatientState state) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == Criterion.BESPONSA_PRE_DOSE)
                .findFirst();
    }

    @Test
    void normalLabsBeforeDay8Proceed() {
        var state = labs(firstDoseGiven(), day(8).minus(Duration.ofHours(4)), "1.9", "140", "12", "35", "30");

        var decision = decision(state).orElseThrow();

        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecisionGrades.PROCEED);
        assertThat(decision.summary()).startsWith("For the next planned dose, cycle 1 day 8: ");
        assertThat(decision.evidence()).extracting(e -> e.code()).contains("751-8", "1975-2");
    }

    @Test
    void bilirubinAbove1Point5TimesUlnWithAstAbove2Point5TimesUlnHoldsTheDose() {
        var state = labs(firstDoseGiven(), day(8).minus(Duration.ofHours(4)), "1.9", "140", "31.6", "101", "30");

        var decision = decision(state).orElseThrow();

        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecisionGrades.HOLD);
        assertThat(decision.summary()).contains("HOLD").contains("HEPATIC");
    }

    @Test
    void bilirubinOfExactly1Point5TimesUlnDoesNotHold() {
        // 31.5 umol/L is exactly 1.5 x ULN 21 umol/L: not above it (strict >), and grade 1, not 2 (2.3).
        var state = labs(firstDoseGiven(), day(8).minus(Duration.ofHours(4)), "1.9", "140", "31.5", "101", "30");

        var decision = decision(state).orElseThrow();

        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecisionGrades.PROCEED);
    }

    @Test
    void day1OfCycle2WithAnAncBelow1Point0Holds() {
        var state = firstDoseGiven()
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(8), 1, 8))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(15), 1, 15));
        state = labs(state, day(22).minus(Duration.ofHours(4)), "0.9", "120", "12", "35", "30");

        var decision = decision(state).orElseThrow();

        assertThat(decision.summary()).startsWith("For the next planned dose, cycle 2 day 1: ");
        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecisionGrades.HOLD);
        assertThat(decision.summary()).contains("ANC_NOT_RECOVERED");
    }

    @Test
    void aPlateletTransfusionWithin24HoursBeforeTheCountIsNotAutoProceeded() {
        var state = firstDoseGiven()
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(8), 1, 8))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(15), 1, 15))
                .apply(drugGiven(SupportiveDrug.PLATELET_TRANSFUSION, day(22).minus(Duration.ofHours(10))));
        state = labs(state, day(22).minus(Duration.ofHours(4)), "1.5", "60", "12", "35", "30");

        var decision = decision(state).orElseThrow();

        assertThat(decision.grade()).isNotEqualTo(BesponsaPreDoseDecisionGrades.PROCEED);
    }

    @Test
    void nothingIsDecidedUntilEveryLabHasBeenDrawnSinceTheLastDose() {
        var state = firstDoseGiven()
                .apply(aLab(Analyte.ANC)
                        .value("1.9")
                        .range("1.8", "7.7")
                        .at(day(8).minus(Duration.ofHours(4)))
                        .build());

        assertThat(decision(state)).isEmpty();
    }

    @Test
    void nothingIsDecided56DaysAfterTheLastDose() {
        var state = labs(firstDoseGiven(), day(58), "1.9", "140", "12", "35", "30");

        assertThat(decision(state)).isEmpty();
    }

    /** The decision's grade convention (ToxWatch, not CTCAE). */
    private static final class BesponsaPreDoseDecisionGrades {
        static final int PROCEED = org.toxwatch.monitoring.domain.dosing.BesponsaPreDoseDecision.PROCEED_GRADE;
        static final int HOLD = org.toxwatch.monitoring.domain.dosing.BesponsaPreDoseDecision.HOLD_GRADE;
    }
}
