package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** A grader that keeps the readings of the last patients reads each result once and grades as one that does not. */
class RecentLabReadingsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final RecentLabReadings recent = new RecentLabReadings();

    private List<LabResult> hemoglobinsRead(PatientState state) {
        return new GradingContext(state, BERLIN, GradingSettings.defaults(), recent.newPass(state.patientId()))
                .readable(Analyte.HEMOGLOBIN);
    }

    private static List<LabResult> hemoglobinsReadAfresh(PatientState state) {
        return new GradingContext(state, BERLIN, GradingSettings.defaults()).readable(Analyte.HEMOGLOBIN);
    }

    private static LabResultRecorded hemoglobin(String value, int hoursAfter) {
        return aLab(Analyte.HEMOGLOBIN).value(value).at(hoursAfter(hoursAfter)).build();
    }

    @Nested
    class Reading {

        @Test
        void aPassReadsAgainOnlyTheResultsNewSinceThePatientsLastPass() {
            var before = PatientState.empty(PATIENT).apply(hemoglobin("9.1", 0)).apply(hemoglobin("8.7", 6));
            var first = hemoglobinsRead(before);
            var after = before.apply(hemoglobin("8.2", 12));

            var second = hemoglobinsRead(after);

            assertThat(second).isEqualTo(hemoglobinsReadAfresh(after)).hasSize(3);
            assertThat(second.get(0)).isSameAs(first.get(0));
            assertThat(second.get(1)).isSameAs(first.get(1));
        }

        @Test
        void theSameResultsAreReadAfreshOnceThePatientsSexIsKnown() {
            // Without a reported range, the hemoglobin limits are the default row of the patient's sex (13.4).
            var unknownSex = PatientState.empty(PATIENT).apply(hemoglobin("12.5", 0));
            var first = hemoglobinsRead(unknownSex);
            var male = unknownSex.apply(aPatientRecord(PATIENT, hoursAfter(1), null, AdministrativeSex.MALE));

            var second = hemoglobinsRead(male);

            assertThat(second).isEqualTo(hemoglobinsReadAfresh(male));
            assertThat(second.getFirst().lower()).isNotEqualTo(first.getFirst().lower());
        }

        @Test
        void aPatientKeepsTheReadingsOfItsLastPassOnly() {
            var first = PatientState.empty(PATIENT).apply(hemoglobin("9.1", 0));
            var readFirst = hemoglobinsRead(first);
            hemoglobinsRead(PatientState.empty(PATIENT).apply(hemoglobin("8.7", 6)));

            var readAgain = hemoglobinsRead(first);

            assertThat(readAgain.getFirst()).isNotSameAs(readFirst.getFirst()).isEqualTo(readFirst.getFirst());
        }

        @Test
        void onlyTheLastEightPatientsAreKept() {
            var patient = PatientState.empty(PATIENT).apply(hemoglobin("9.1", 0));
            var first = hemoglobinsRead(patient);
            gradeOthers(RecentLabReadings.PATIENTS - 1);
            var kept = hemoglobinsRead(patient);
            gradeOthers(RecentLabReadings.PATIENTS);

            var forgotten = hemoglobinsRead(patient);

            assertThat(kept.getFirst()).isSameAs(first.getFirst());
            assertThat(forgotten.getFirst()).isNotSameAs(first.getFirst()).isEqualTo(first.getFirst());
        }

        private void gradeOthers(int patients) {
            for (int other = 0; other < patients; other++) {
                var id = "other-" + other;
                var result = aLab(Analyte.HEMOGLOBIN).value("10.0").build();
                hemoglobinsRead(PatientState.empty(id)
                        .apply(new LabResultRecorded(
                                result.eventId(),
                                id,
                                result.observedAt(),
                                result.receivedAt(),
                                result.sourceSystem(),
                                result.sourceMessageId(),
                                result.sourceObservationId(),
                                result.loinc(),
                                result.value(),
                                result.ucumUnit(),
                                result.referenceRange(),
                                result.status())));
            }
        }
    }

    @Nested
    class Grading {

        /**
         * A CAR-T course of two weeks (counts, liver tests, creatinine and vital signs, a fever, a correction, a
         * cancellation, the patient's sex stated halfway), graded event by event by both graders: every pass
         * publishes the same assessments and leaves the same state.
         */
        @Test
        void aCourseIsGradedExactlyAsByAGraderThatReadsEveryResultAgain() {
            var everyResultAgain = new ToxicityGrader(BERLIN);
            var recentReadings = new ToxicityGrader(BERLIN).withRecentReadings();
            var plain = PatientState.empty(PATIENT);
            var remembering = PatientState.empty(PATIENT);

            for (var event : aCourse()) {
                var expected = everyResultAgain.reassess(fold(plain, event));
                var actual = recentReadings.reassess(fold(remembering, event));

                assertThat(actual.changed()).as("after %s", event).isEqualTo(expected.changed());
                assertThat(actual.state()).isEqualTo(expected.state());
                plain = expected.state();
                remembering = actual.state();
            }
        }

        private static PatientState fold(PatientState state, Object event) {
            return switch (event) {
                case LabResultRecorded lab -> state.apply(lab);
                case VitalSignsRecorded vitals -> state.apply(vitals);
                case TherapyEventRecorded therapy -> state.apply(therapy);
                case PatientRecorded patient -> state.apply(patient);
                default -> throw new IllegalArgumentException(event.toString());
            };
        }

        private static List<Object> aCourse() {
            var random = new Random(7);
            var events = new ArrayList<Object>();
            events.add(enrolled(Therapy.CAR_T, NOW.minusSeconds(5 * 86_400)));
            events.add(carTInfused(NOW));
            for (int day = -3; day <= 14; day++) {
                int hours = day * 24;
                events.add(count(Analyte.ANC, day < 1 ? 2.0 : 0.05 + random.nextDouble(), hours));
                events.add(count(Analyte.PLATELETS, day < 1 ? 160 : 20 + random.nextInt(60), hours));
                events.add(aLab(Analyte.HEMOGLOBIN)
                        .value(String.valueOf(7 + random.nextInt(5)))
                        .unit("g/dL")
                        .at(hoursAfter(hours))
                        .build());
                if (day % 2 == 0) {
                    events.add(liver(Analyte.ALT, 30 + random.nextInt(200), hours));
                    events.add(liver(Analyte.AST, 30 + random.nextInt(200), hours));
                    events.add(aLab(Analyte.TOTAL_BILIRUBIN)
                            .value(String.valueOf(0.5 + random.nextInt(40) / 10.0))
                            .unit("mg/dL")
                            .range("0.2", "1.2")
                            .at(hoursAfter(hours))
                            .build());
                }
                for (int hour = 0; hour < 24; hour += 6) {
                    events.add(vitalsAt(hoursAfter(hours + hour))
                            .temperature(day == 4 && hour == 12 ? "38.6" : "37.0")
                            .build());
                }
                if (day == 6) {
                    events.add(aPatientRecord(
                            PATIENT, hoursAfter(hours + 1), LocalDate.parse("2012-06-01"), AdministrativeSex.MALE));
                }
            }
            var corrected = aLab(Analyte.ANC)
                    .value("0.3")
                    .unit("10*9/L")
                    .sourceObservationId("anc-day-15")
                    .at(hoursAfter(15 * 24));
            events.add(corrected.build());
            events.add(corrected
                    .eventId(UUID.randomUUID())
                    .value("0.9")
                    .status(ResultStatus.CORRECTED)
                    .build());
            events.add(aLab(Analyte.PLATELETS)
                    .status(ResultStatus.CANCELLED)
                    .at(hoursAfter(14 * 24))
                    .build());
            return events;
        }

        private static LabResultRecorded count(Analyte analyte, double value, int hours) {
            return aLab(analyte)
                    .value(String.format(Locale.ROOT, "%.2f", value))
                    .unit("10*9/L")
                    .at(hoursAfter(hours))
                    .build();
        }

        private static LabResultRecorded liver(Analyte analyte, int value, int hours) {
            return aLab(analyte)
                    .value(String.valueOf(value))
                    .unit("U/L")
                    .range("7", "40")
                    .at(hoursAfter(hours))
                    .build();
        }
    }
}
