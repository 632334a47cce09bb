package org.toxwatch.monitoring.domain.liversignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The VOD/SOS watch (CRITERIA.md 7.2, 8.1) on a patient's state: from the first inotuzumab dose until 56 days after
 * the last (the rule's own table is VodSosRuleTest).
 */
class VodSosWatchTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final ToxicityGrader grader = new ToxicityGrader(ZONE);

    private static Optional<Assessment> of(PatientState state, Criterion criterion, ToxicityGrader grader) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst();
    }

    private final Instant firstDose = Instant.parse("2026-03-01T10:00:00Z");

    private PatientState onInotuzumab() {
        return PatientState.empty(PATIENT)
                .apply(vitalsAt(firstDose.minus(Duration.ofHours(20)))
                        .weight("60.0")
                        .build())
                .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose, 1, 1));
    }

    @Test
    void bilirubinOf2WithWeightGainAbove5PercentIsPartialUntilAClinicianAssessesTheLiverAndAscites() {
        var state = onInotuzumab()
                .apply(vitalsAt(firstDose.plus(Duration.ofDays(5)))
                        .weight("63.1")
                        .build())
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("2.1")
                        .range("0.1", "1.2")
                        .at(firstDose.plus(Duration.ofDays(5)))
                        .build());

        var vod = of(state, Criterion.VOD_SOS, grader).orElseThrow();

        assertThat(vod.grade()).isEqualTo(VodSosRule.PARTIAL);
        assertThat(vod.evidence()).extracting(e -> e.code()).contains("29463-7", "1975-2");
    }

    @Test
    void theWatchEnds56DaysAfterTheLastDose() {
        var state = onInotuzumab()
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("2.1")
                        .range("0.1", "1.2")
                        .at(firstDose.plus(Duration.ofDays(57)))
                        .build());

        assertThat(of(state, Criterion.VOD_SOS, grader)).isEmpty();
    }

    @Test
    void noWatchWithoutAnInotuzumabDose() {
        var state = PatientState.empty(PATIENT)
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("2.1")
                        .range("0.1", "1.2")
                        .at(firstDose)
                        .build());

        assertThat(of(state, Criterion.VOD_SOS, grader)).isEmpty();
    }
}
