package org.toxwatch.monitoring.domain.liversignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.ClinicianInputs.found;
import static org.toxwatch.monitoring.domain.ClinicianInputs.withdrawn;
import static org.toxwatch.monitoring.domain.InotuzumabLabs.labs;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The clinician's bedside findings the VOD/SOS watch (CRITERIA.md 7.2) reads: as they stand, and only those examined
 * since the episode's T0.
 */
class VodSosWatchFindingsTest {

    private static final Instant C1D1 = Instant.parse("2026-03-01T10:00:00Z");

    private static final Instant BEFORE_C1D1 = C1D1.minus(Duration.ofHours(3));

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private static PatientState normalLabsBeforeC1D1() {
        return labs(PatientState.empty(PATIENT), BEFORE_C1D1, "2.0", "150", "10", "30", "25");
    }

    private Optional<Assessment> assessment(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst();
    }

    /** C1D1 given; on day 5 a bilirubin of 2.5 mg/dL, above the 2 mg/dL of EBMT 2016 (7.2). */
    private PatientState highBilirubinAfterTheFirstDose() {
        return normalLabsBeforeC1D1()
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1, 1, 1))
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("2.5")
                        .unit("mg/dL")
                        .range("0.1", "1.2")
                        .at(C1D1.plus(Duration.ofDays(5)))
                        .build());
    }

    @Test
    void withoutBedsideFindingsIsAtMostPartial() {
        var vod =
                assessment(highBilirubinAfterTheFirstDose(), Criterion.VOD_SOS).orElseThrow();

        assertThat(vod.grade()).isEqualTo(VodSosRule.PARTIAL);
    }

    @Test
    void readsPainfulHepatomegalyAndAscitesAsTheClinicianEnteredThem() {
        var state = highBilirubinAfterTheFirstDose()
                .apply(found(ClinicalFinding.PAINFUL_HEPATOMEGALY, C1D1.plus(Duration.ofDays(5))))
                .apply(found(ClinicalFinding.ASCITES, C1D1.plus(Duration.ofDays(5))));

        var vod = assessment(state, Criterion.VOD_SOS).orElseThrow();

        assertThat(vod.grade()).isEqualTo(VodSosRule.SUSPECTED);
        assertThat(vod.summary()).contains("painful hepatomegaly: yes").contains("ascites: yes");
        assertThat(vod.evidence()).extracting(Evidence::code).contains("PAINFUL_HEPATOMEGALY", "ASCITES");
    }

    @Test
    void readsAWithdrawnFindingAsAbsent() {
        var state = highBilirubinAfterTheFirstDose()
                .apply(found(ClinicalFinding.ASCITES, C1D1.plus(Duration.ofDays(4))))
                .apply(withdrawn(ClinicalFinding.ASCITES, C1D1.plus(Duration.ofDays(5))));

        assertThat(assessment(state, Criterion.VOD_SOS).orElseThrow().summary()).contains("ascites: no");
    }

    @Test
    void ignoresFindingsExaminedBeforeTheEpisode() {
        var state =
                highBilirubinAfterTheFirstDose().apply(found(ClinicalFinding.ASCITES, C1D1.minus(Duration.ofDays(40))));

        assertThat(assessment(state, Criterion.VOD_SOS).orElseThrow().summary()).contains("ascites: not assessed");
    }
}
