package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;

/** What HL7 v2 says about a patient: PID/PV1 of every ORU^R01, and ADT^A01/A02/A03/A04/A08. */
class Hl7PatientsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final RecordingEventPublisher kafka = new RecordingEventPublisher();
    private final Hl7MessageHandler handler = Hl7Handlers.handler(
            kafka, new LocalCodes(Map.of(), Set.of()), NOW, ZoneId.of("Europe/Paris"), new SimpleMeterRegistry());

    static String adt(String trigger, String version, String pid, String pv1, String... more) {
        return "MSH|^~\\&|ADT|CHILDRENS|TOXWATCH|TOXWATCH|202611160755||ADT^" + trigger + "|ADT-" + trigger + "|P|"
                + version + "\r"
                + "EVN|" + trigger + "|202611160755\r"
                + pid + "\r"
                + pv1 + "\r"
                + String.join(
                        "", Arrays.stream(more).map(segment -> segment + "\r").toList());
    }

    static final String PID = "PID|1||000004^^^CHILDRENS^MR||EXAMPLE^MIA||20200314|F";
    static final String PV1 = "PV1|1|I|ONC-PED^4^B^CHILDRENS||||1234^ATTENDING^ANNA^^^DR";

    @Nested
    class ResultMessages {

        @Test
        void everyOruR01AlsoSaysWhoThePatientIsUnderTheIdItsResultsGet() {
            String ack = handler.handle(message("oru-r01-v251-cbc-and-liver.hl7"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|");
            var patient = onlyPatient();
            assertThat(patient.patientId()).isEqualTo("0012345");
            assertThat(patient.encounterEvent()).isEqualTo(EncounterEvent.UPDATED);
            assertThat(patient.identifiers())
                    .containsExactly(
                            new PatientIdentifier("0012345", "ST-ELSEWHERE", "MR"),
                            new PatientIdentifier("998877", "NATIONAL", "NI"));
            assertThat(patient.familyName()).isEqualTo("DOE");
            assertThat(patient.givenName()).isEqualTo("JANE");
            assertThat(patient.birthDate()).isEqualTo(LocalDate.of(1985, 4, 12));
            assertThat(patient.sex()).isEqualTo(AdministrativeSex.FEMALE);
            assertThat(patient.location()).isEqualTo(new PatientLocation("HEM", "12", "1", null));
            assertThat(patient.recordedAt())
                    .as("just before the earliest result's collection time, before MSH-7 (08:15Z)")
                    .isEqualTo(Instant.parse("2026-11-20T06:44:59.999Z"));
            assertThat(patient.sourceMessageId()).isEqualTo("LIS-000123");
        }

        /**
         * Monitoring takes the waiting record with the lowest clinical time first; stated as of its earliest result,
         * a child's age reaches grading before her first vital signs do, not a moment after an adult grade.
         */
        @Test
        void theDetailsOfAResultMessageAreStatedAsOfItsEarliestResultNeverLaterThanMsh7() {
            handler.handle(message("oru-r01-v251-cbc-and-liver.hl7"));

            var results = kafka.payloadsOn(Topics.LAB_RESULTS).stream()
                    .map(org.toxwatch.model.LabResultRecorded.class::cast)
                    .map(org.toxwatch.model.LabResultRecorded::observedAt)
                    .toList();
            assertThat(onlyPatient().recordedAt()).isBefore(java.util.Collections.min(results));
        }

        @Test
        void resultsCollectedAfterMsh7LeaveTheDetailsStatedAtMsh7() {
            handler.handle(message("oru-r01-v251-cbc-and-liver.hl7")
                    .replace("|20261120091500+0100|", "|20261120073000+0100|"));

            assertThat(onlyPatient().recordedAt()).as("MSH-7").isEqualTo(Instant.parse("2026-11-20T06:30:00Z"));
        }

        @Test
        void aPidThatNamesOnlyThePatientIdStatesNothingNew() {
            String oru = message("oru-r01-v251-cbc-and-liver.hl7")
                    .replace(
                            "PID|1||0012345^^^ST-ELSEWHERE^MR~998877^^^NATIONAL^NI||DOE^JANE||19850412|F",
                            "PID|1||0012345")
                    .replace("PV1|1|I|HEM^12^1\r", "");

            String ack = handler.handle(oru);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|");
            assertThat(kafka.payloadsOn(Topics.PATIENTS)).isEmpty();
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(5);
        }

        @Test
        void aBadBirthDateInAResultMessageIsLeftOutWithAWarningNamingPid7AndTheResultsAreStored() {
            String oru = message("oru-r01-v251-cbc-and-liver.hl7").replace("||19850412|F", "||19851340|F");

            String ack = handler.handle(oru);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|").contains("left out 1 unreadable detail(s)");
            assertThat(segment(ack, "ERR"))
                    .contains("|PID^1^7|")
                    .contains("|W|")
                    .doesNotContain("19851340");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(5);
            assertThat(onlyPatient().birthDate())
                    .as("not stated: the age stays unknown")
                    .isNull();
            assertThat(onlyPatient().sex()).isEqualTo(AdministrativeSex.FEMALE);
        }

        @Test
        void aSexOutsideTable0001InAResultMessageIsLeftOutWithAWarningNamingPid8() {
            String oru = message("oru-r01-v251-cbc-and-liver.hl7").replace("||19850412|F", "||19850412|Q");

            String ack = handler.handle(oru);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|");
            assertThat(segment(ack, "ERR")).contains("|PID^1^8|").contains("|W|");
            assertThat(onlyPatient().sex()).isNull();
            assertThat(onlyPatient().birthDate()).isEqualTo(LocalDate.of(1985, 4, 12));
        }
    }

    @Nested
    class Admissions {

        @ParameterizedTest
        @CsvSource({
            "A01, 2.5.1, ADMITTED",
            "A02, 2.3, TRANSFERRED",
            "A04, 2.4, REGISTERED",
            "A08, 2.8.2, UPDATED",
            "A01, 2.7.1, ADMITTED",
            "A02, 2.6, TRANSFERRED"
        })
        void eachTriggerInEachVersionIsItsEncounterEvent(String trigger, String version, EncounterEvent event) {
            String ack = handler.handle(adt(trigger, version, PID, PV1));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|ADT-" + trigger + "|stored: 1 event(s)");
            var patient = onlyPatient();
            assertThat(patient.encounterEvent()).isEqualTo(event);
            assertThat(patient.patientId()).isEqualTo("000004");
            assertThat(patient.location()).isEqualTo(new PatientLocation("ONC-PED", "4", "B", "CHILDRENS"));
            assertThat(patient.attending()).isEqualTo("DR ANNA ATTENDING");
            assertThat(patient.sourceSystem()).isEqualTo("ADT@CHILDRENS");
            assertThat(patient.recordedAt()).isEqualTo(Instant.parse("2026-11-16T06:55:00Z"));
        }

        @Test
        void aDischargeLeavesNoBed() {
            String ack = handler.handle(adt("A03", "2.5.1", PID, PV1));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|");
            assertThat(onlyPatient().encounterEvent()).isEqualTo(EncounterEvent.DISCHARGED);
            assertThat(onlyPatient().location()).isNull();
        }

        @Test
        void recordedAtIsEvn2ElseMsh7() {
            handler.handle(adt("A08", "2.5.1", PID, PV1).replace("EVN|A08|202611160755", "EVN|A08|202611160930"));
            handler.handle(adt("A02", "2.5.1", PID, PV1).replace("EVN|A02|202611160755", "EVN|A02|"));

            var patients = kafka.payloadsOn(Topics.PATIENTS).stream()
                    .map(PatientRecorded.class::cast)
                    .toList();
            assertThat(patients.get(0).recordedAt()).as("EVN-2").isEqualTo(Instant.parse("2026-11-16T08:30:00Z"));
            assertThat(patients.get(1).recordedAt()).as("MSH-7").isEqualTo(Instant.parse("2026-11-16T06:55:00Z"));
        }

        @Test
        void anUnreadableEventTimeIsAnAeNamingEvn2() {
            String ack = handler.handle(adt("A01", "2.5.1", PID, PV1).replace("EVN|A01|202611160755", "EVN|A01|soon"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|");
            assertThat(segment(ack, "ERR")).contains("|EVN^1^2|");
        }

        @Test
        void weightAndHeightComeFromObxInKgAndCmOrConvertedFromPoundsAndInches() {
            handler.handle(adt(
                    "A01",
                    "2.5.1",
                    PID,
                    PV1,
                    "OBX|1|NM|29463-7^Body weight^LN||21.4|kg|||||F",
                    "OBX|2|NM|8302-2^Body height^LN||116|cm|||||F"));
            handler.handle(adt(
                            "A08",
                            "2.5.1",
                            PID,
                            PV1,
                            "OBX|1|NM|29463-7^Body weight^LN||50|[lb_av]|||||F",
                            "OBX|2|NM|8302-2^Body height^LN||40|[in_i]|||||F")
                    .replace("ADT-A08", "ADT-A08-2"));

            var patients = kafka.payloadsOn(Topics.PATIENTS).stream()
                    .map(PatientRecorded.class::cast)
                    .toList();
            assertThat(patients.get(0).weightKg()).isEqualByComparingTo("21.4");
            assertThat(patients.get(0).heightCm()).isEqualByComparingTo("116");
            assertThat(patients.get(1).weightKg()).isEqualByComparingTo("22.68");
            assertThat(patients.get(1).heightCm()).isEqualByComparingTo("101.6");
        }

        @Test
        void aWeightInAUnitNotConvertedHereIsLeftOutWithoutAnError() {
            String ack = handler.handle(
                    adt("A01", "2.5.1", PID, PV1, "OBX|1|NM|29463-7^Body weight^LN||340|[stone_av]|||||F"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|");
            assertThat(onlyPatient().weightKg()).isNull();
        }

        @Test
        void anImpossibleWeightIsAnAeNamingItsObx() {
            String ack = handler.handle(adt("A01", "2.5.1", PID, PV1, "OBX|1|NM|29463-7^Body weight^LN||0|kg|||||F"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|");
            assertThat(segment(ack, "ERR")).contains("|OBX^1^5|");
        }

        @ParameterizedTest
        @CsvSource({"A05", "A11", "A31", "A40"})
        void otherAdtTriggersAreRefusedArAsAnUnsupportedEventAndKeptWithThePatientDeadLetters(String trigger) {
            String ack = handler.handle(adt(trigger, "2.5.1", PID, PV1));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AR|ADT-" + trigger + "|");
            assertThat(segment(ack, "ERR"))
                    .contains("|MSH^1^9|201^Unsupported event code^HL70357|")
                    .contains("ADT\\S\\A01, ADT\\S\\A02, ADT\\S\\A03, ADT\\S\\A04, ADT\\S\\A08");
            assertThat(kafka.payloadsOn(Topics.PATIENTS)).isEmpty();
            assertThat(kafka.payloadsOn(Topics.PATIENTS_DLT))
                    .singleElement()
                    .satisfies(dead -> assertThat(((RejectedInput) dead).reasons())
                            .noneMatch(reason -> reason.contains("EXAMPLE") || reason.contains("20200314")));
        }

        @Test
        void whenKafkaIsDownTheSenderIsToldToResendLater() {
            kafka.unavailable(true);

            String ack = handler.handle(adt("A01", "2.5.1", PID, PV1));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AR|ADT-A01|not stored");
        }
    }

    @Nested
    class BirthDates {

        @ParameterizedTest
        @CsvSource({
            "20200314, 2020-03-14",
            "202003140830, 2020-03-14",
            "20200314083015, 2020-03-14",
            "20200314083015.123+0100, 2020-03-14",
            "20261122, 2026-11-22",
            "19000101, 1900-01-01"
        })
        void pid7IsTheDateWithOrWithoutATime(String pid7, LocalDate expected) {
            String ack = handler.handle(adt("A04", "2.5.1", PID.replace("20200314", pid7), PV1));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|");
            assertThat(onlyPatient().birthDate()).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource({
            "20261340, is not a valid calendar date",
            "20200230, is not a valid calendar date",
            "20261123, is in the future",
            "18991231, lies before 1900-01-01",
            "2020, is not a birth date to the day",
            "202003, is not a birth date to the day",
            "14/03/2020, is not a birth date to the day"
        })
        void aBadBirthDateIsAnAeNamingPid7NeverItsValue(String pid7, String reason) {
            String ack = handler.handle(adt("A04", "2.5.1", PID.replace("20200314", pid7), PV1));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|");
            assertThat(segment(ack, "ERR")).contains("|PID^1^7|").contains(reason);
            assertThat(kafka.payloadsOn(Topics.PATIENTS)).isEmpty();
            assertThat(kafka.payloadsOn(Topics.PATIENTS_DLT))
                    .singleElement()
                    .satisfies(dead -> assertThat(((RejectedInput) dead).reasons())
                            .singleElement()
                            .asString()
                            .startsWith("PID^1^7: ")
                            .doesNotContain(pid7));
        }
    }

    @ParameterizedTest
    @CsvSource({"F, FEMALE", "M, MALE", "O, OTHER", "U, UNKNOWN", "A, OTHER", "N, UNKNOWN", "f, FEMALE"})
    void pid8IsReadByHl7Table0001(String code, AdministrativeSex sex) {
        handler.handle(adt("A08", "2.5.1", PID.replace("|F", "|" + code), PV1));

        assertThat(onlyPatient().sex()).isEqualTo(sex);
    }

    @Test
    void aSexOutsideTable0001IsAnAeNamingPid8() {
        String ack = handler.handle(adt("A08", "2.5.1", PID.replace("|F", "|Q"), PV1));

        assertThat(segment(ack, "MSA")).startsWith("MSA|AE|");
        assertThat(segment(ack, "ERR")).contains("|PID^1^8|103^");
    }

    @Test
    void pv1FacilityMayBeAUniversalIdAndTheAttendingAnIdAlone() {
        handler.handle(adt("A02", "2.5.1", PID, "PV1|1|I|PICU^^7^&1.2.3.4&ISO||||D-77"));

        var patient = onlyPatient();
        assertThat(patient.location()).isEqualTo(new PatientLocation("PICU", null, "7", "1.2.3.4"));
        assertThat(patient.attending()).isEqualTo("D-77");
    }

    @Test
    void theMedicalRecordNumberComesFirstAndTheIdIsTheOneResultsGet() {
        handler.handle(
                adt("A08", "2.5.1", "PID|1||NHS-1^^^NHS^NH~000004^^^CHILDRENS^MR||EXAMPLE^MIA||20200314|F", PV1));

        var patient = onlyPatient();
        assertThat(patient.patientId()).isEqualTo("000004");
        assertThat(patient.identifiers()).extracting(PatientIdentifier::type).containsExactly("MR", "NH");
    }

    private PatientRecorded onlyPatient() {
        List<Object> patients = kafka.payloadsOn(Topics.PATIENTS);
        assertThat(patients).hasSize(1);
        return (PatientRecorded) patients.getFirst();
    }

    private static String segment(String ack, String id) {
        return Arrays.stream(ack.split("\r"))
                .filter(s -> s.startsWith(id + "|"))
                .findFirst()
                .orElseThrow();
    }
}
