package org.toxwatch.monitoring.domain;

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
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.liversignals.VodSosRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The grader reads the patient's birth date and sex from the patient records in the state, with the age on the
 * hospital's calendar day of each assessment: the ICANS tool (CRITERIA.md 5.3), the VOD/SOS criteria set (7.2) and
 * the default reference range (1.3, 13.4). The rules' own tables are tested in their packages.
 */
class ToxicityGraderAgeAndSexTest {

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

    @Nested
    class IcansTool {

        /** 14:00 in Berlin on 4 March 2026. */
        private final Instant at = Instant.parse("2026-03-04T13:00:00Z");

        @ParameterizedTest(name = "born {0}: ICE 10 and CAPD 9 -> grade {1}")
        @CsvSource({
            "2014-03-05, 3", // 11 y 364 d: the CAPD decides
            "2014-03-04, 0", // 12 y 0 d: the ICE decides
        })
        void theAgeOnTheDayOfTheAssessmentChoosesTheTool(LocalDate born, int expectedGrade) {
            var state = patient(born, null).apply(neuro(10, 9));

            var icans = assessment(state, Criterion.ICANS);

            assertThat(icans.grade()).isEqualTo(expectedGrade);
            assertThat(icans.summary()).contains("decides the encephalopathy row");
        }

        @Test
        void aCapdForAFourteenYearOldIsNamed() {
            var state = patient(LocalDate.parse("2011-06-01"), null).apply(neuro(null, 9));

            assertThat(assessment(state, Criterion.ICANS).summary())
                    .contains("CAPD reported for a 14-year-old: ICE expected from 12 years");
        }

        @Test
        void withoutAPatientRecordTheAgeIsUnknown() {
            var state = PatientState.empty(PATIENT).apply(neuro(null, 9));

            assertThat(assessment(state, Criterion.ICANS).summary())
                    .contains("age unknown: the reported CAPD decides the encephalopathy row");
        }

        private NeurologicAssessmentRecorded neuro(@Nullable Integer ice, @Nullable Integer capd) {
            var eventId = UUID.randomUUID();
            return new NeurologicAssessmentRecorded(
                    eventId,
                    PATIENT,
                    at,
                    at.plusSeconds(300),
                    "test-charting",
                    "msg-" + eventId,
                    ice,
                    capd,
                    LevelOfConsciousness.ALERT,
                    SeizureFinding.NONE,
                    MotorFinding.NONE,
                    IntracranialPressureFinding.NONE,
                    ResultStatus.FINAL);
        }
    }

    /**
     * A paediatric VOD course on inotuzumab in numbers alone, every value under the adult thresholds: bilirubin
     * rising from its 0.6 mg/dL baseline on 2, 3 and 4 March to 1.5, a weight gain each day from 20.0 kg to 20.8 kg
     * (4%). The assessment is on 4 March.
     */
    @Nested
    class VodSosCriteriaSet {

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

    @Nested
    class DefaultReferenceRanges {

        private final Instant at = Instant.parse("2026-03-04T08:00:00Z");

        @ParameterizedTest(name = "{0}, Hb {1} g/dL without a range -> anemia grade {2}")
        @CsvSource({
            "FEMALE,  12.0, 0, 'Default row: Hemoglobin, female, 12.0-15.5 g/dL.'",
            "FEMALE,  11.9, 1, 'Default row: Hemoglobin, female, 12.0-15.5 g/dL.'",
            "MALE,    13.5, 0, 'Default row: Hemoglobin, male, 13.5-17.5 g/dL.'",
            "MALE,    13.4, 1, 'Default row: Hemoglobin, male, 13.5-17.5 g/dL.'",
            "OTHER,   12.0, 0, 'Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.'",
            "UNKNOWN, 11.9, 1, 'Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.'",
        })
        void theSexOfThePatientRecordChoosesTheHemoglobinRow(
                AdministrativeSex sex, String hemoglobin, int grade, String row) {
            var state = patient(LocalDate.parse("1980-05-05"), sex).apply(hemoglobin(hemoglobin, null));

            var anemia = assessment(state, Criterion.ANEMIA);

            assertThat(anemia.grade()).isEqualTo(grade);
            assertThat(anemia.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
            assertThat(anemia.summary()).contains(row).doesNotContain("Adult default range applied");
        }

        @Test
        void withoutAPatientRecordTheSexUnknownRowApplies() {
            var state = PatientState.empty(PATIENT).apply(hemoglobin("12.0", null));

            assertThat(assessment(state, Criterion.ANEMIA).summary())
                    .contains("Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.");
        }

        @ParameterizedTest(name = "born {0} -> adult default named for a child: {1}")
        @CsvSource({
            "2019-12-01, true", // 6 years
            "2008-03-05, true", // 17 y 364 d
            "2008-03-04, false", // 18 y 0 d
        })
        void anAdultDefaultAppliedToAChildIsNamed(LocalDate born, boolean named) {
            var state = patient(born, AdministrativeSex.FEMALE).apply(hemoglobin("11.0", null));

            var anemia = assessment(state, Criterion.ANEMIA);

            assertThat(anemia.grade()).isEqualTo(1);
            if (named) {
                assertThat(anemia.summary())
                        .contains("Adult default range applied to a")
                        .contains("ToxWatch has no paediatric default ranges");
            } else {
                assertThat(anemia.summary()).doesNotContain("Adult default range applied");
            }
        }

        @Test
        void namesTheChildsAgeForEveryDefaultedTerm() {
            var state = patient(LocalDate.parse("2019-12-01"), AdministrativeSex.MALE)
                    .apply(aLab(Analyte.ANC).value("1.6").at(at).build());

            assertThat(assessment(state, Criterion.NEUTROPHIL_COUNT_DECREASED).summary())
                    .endsWith("Adult default range applied to a 6-year-old: ToxWatch has no paediatric default"
                            + " ranges (docs/clinical/codes-and-units.md#default-ranges).");
        }

        @Test
        void aReportedRangeIsNeitherReplacedNorNamed() {
            var state = patient(LocalDate.parse("2019-12-01"), AdministrativeSex.MALE)
                    .apply(hemoglobin("11.0", "10.5"));

            var anemia = assessment(state, Criterion.ANEMIA);

            assertThat(anemia.grade()).isZero();
            assertThat(anemia.referenceRangeSource()).isEqualTo(ReferenceRangeSource.REPORTED);
            assertThat(anemia.summary()).doesNotContain("default");
        }

        private LabResultRecorded hemoglobin(String value, @Nullable String lln) {
            return aLab(Analyte.HEMOGLOBIN)
                    .value(value)
                    .range(lln, lln == null ? null : "16.0")
                    .at(at)
                    .build();
        }
    }
}
