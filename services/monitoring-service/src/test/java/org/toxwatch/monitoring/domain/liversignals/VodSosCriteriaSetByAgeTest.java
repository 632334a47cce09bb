package org.toxwatch.monitoring.domain.liversignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The VOD/SOS criteria set by the patient's age on the assessment's day (CRITERIA.md 7.2): EBMT 2018 under 18 years,
 * EBMT 2016 from 18, the adult set without a birth date. A paediatric VOD course on inotuzumab in numbers alone, every value under the adult thresholds: bilirubin
 * rising from its 0.6 mg/dL baseline on 2, 3 and 4 March to 1.5, a weight gain each day from 20.0 kg to 20.8 kg
 * (4%). The assessment is on 4 March.
 */
class VodSosCriteriaSetByAgeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final ToxicityGrader grader = new ToxicityGrader(BERLIN);

    private static PatientState patient(@Nullable LocalDate born, @Nullable AdministrativeSex sex) {
        return PatientState.empty(PATIENT)
                .apply(aPatientRecord(PATIENT, Instant.parse("2026-01-01T08:00:00Z"), born, sex));
    }

    private Assessment assessment(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private final Instant firstDose = Instant.parse("2026-03-01T10:00:00Z");

    private PatientState course(PatientState patient) {
        var state = patient.apply(vitalsAt(firstDose.minus(Duration.ofHours(20)))
                        .weight("20.0")
                        .build())
                .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("0.6")
                        .range("0.1", "1.2")
                        .at(firstDose.minus(Duration.ofHours(20)))
                        .build())
                .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose, 1, 1))
                .apply(vitalsAt(firstDose.plus(Duration.ofHours(10)))
                        .weight("20.1")
                        .build());
        String[] weights = {"20.3", "20.5", "20.8"};
        String[] bilirubin = {"0.8", "1.1", "1.5"};
        for (int day = 1; day <= 3; day++) {
            var morning = Instant.parse("2026-03-01T07:00:00Z").plus(Duration.ofDays(day));
            state = state.apply(vitalsAt(morning).weight(weights[day - 1]).build())
                    .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                            .value(bilirubin[day - 1])
                            .range("0.1", "1.2")
                            .at(morning.plus(Duration.ofHours(1)))
                            .build());
        }
        return state;
    }

    @Test
    void aSeventeenYearOldOneDayShortOfEighteenIsJudgedByEbmt2018() {
        var vod = assessment(course(patient(LocalDate.parse("2008-03-05"), null)), Criterion.VOD_SOS);

        assertThat(vod.grade()).isEqualTo(VodSosRule.SUSPECTED);
        assertThat(vod.summary())
                .startsWith("VOD_SUSPECTED: EBMT 2018 paediatric criteria (age 17 years; day 3) met")
                .contains("bilirubin rising from baseline on 3 consecutive days: yes (baseline 0.6")
                .contains("weight gain on 3 consecutive days: yes");
    }

    @Test
    void anEighteenYearOldOnTheBirthdayIsJudgedByEbmt2016() {
        var vod = assessment(course(patient(LocalDate.parse("2008-03-04"), null)), Criterion.VOD_SOS);

        assertThat(vod.grade()).isEqualTo(VodSosRule.NOT_MET);
        assertThat(vod.summary()).contains("EBMT 2016 adult criteria (age 18 years), classical (day 3");
    }

    @Test
    void withoutABirthDateTheAdultCriteriaApplyAndSaySo() {
        var vod = assessment(course(PatientState.empty(PATIENT)), Criterion.VOD_SOS);

        assertThat(vod.grade()).isEqualTo(VodSosRule.NOT_MET);
        assertThat(vod.summary()).contains("EBMT 2016 adult criteria (age unknown — adult criteria)");
    }
}
