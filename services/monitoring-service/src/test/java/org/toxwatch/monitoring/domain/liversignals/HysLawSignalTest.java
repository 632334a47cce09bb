package org.toxwatch.monitoring.domain.liversignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Potential Hy's law (CRITERIA.md 7.1) on a patient's state: an aminotransferase and a bilirubin, each with its ULN
 * (the rule's own table is HysLawRuleTest).
 */
class HysLawSignalTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final Instant INFUSION = Instant.parse("2026-03-01T09:00:00Z");

    private final ToxicityGrader grader = new ToxicityGrader(ZONE);

    private static Optional<Assessment> of(PatientState state, Criterion criterion, ToxicityGrader grader) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst();
    }

    @Test
    void aminotransferaseAtThreeTimesUlnWithBilirubinAboveTwiceUlnIsASignal() {
        var state = PatientState.empty(PATIENT)
                .apply(aLab(Analyte.ALT)
                        .value("130")
                        .range(null, "40")
                        .at(INFUSION)
                        .build())
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("2.6")
                        .range("0.1", "1.2")
                        .at(INFUSION.plus(Duration.ofHours(20)))
                        .build());

        assertThat(of(state, Criterion.HYS_LAW, grader).orElseThrow().grade()).isEqualTo(1);
    }

    @Test
    void needsBothAnAminotransferaseAndABilirubin() {
        var state = PatientState.empty(PATIENT)
                .apply(aLab(Analyte.ALT)
                        .value("130")
                        .range(null, "40")
                        .at(INFUSION)
                        .build());

        assertThat(of(state, Criterion.HYS_LAW, grader)).isEmpty();
    }
}
