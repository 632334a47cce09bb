package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;

/** HL7 v2 messages in the styles of different systems, through the handler and the shared use case. */
class Hl7MessageHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final RecordingEventPublisher kafka = new RecordingEventPublisher();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Hl7MessageHandler handler = handler(ZoneId.of("Europe/Paris"));

    private Hl7MessageHandler handler(ZoneId hospitalZone) {
        return handler(hospitalZone, Set.of());
    }

    private Hl7MessageHandler handler(ZoneId hospitalZone, Set<String> sendersWhoseUnknownCodesAreIgnored) {
        return Hl7Handlers.handler(
                kafka,
                new LocalCodes(
                        Map.of("DEMO-LIS@CITY-LAB", Map.of("NEUT-ABS", "751-8", "PLT", "777-3")),
                        sendersWhoseUnknownCodesAreIgnored),
                NOW,
                hospitalZone,
                meters);
    }

    @Nested
    class AcceptedResults {

        @Test
        void everyResultOfEveryOrderGroupIsPublishedAndAcknowledgedAa() {
            String ack = handler.handle(message("oru-r01-v251-cbc-and-liver.hl7"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|LIS-000123|");
            List<Object> labs = kafka.payloadsOn(Topics.LAB_RESULTS);
            assertThat(labs).hasSize(5);
            var anc = (LabResultRecorded) labs.getFirst();
            assertThat(anc.patientId()).isEqualTo("0012345");
            assertThat(anc.loinc()).isEqualTo("751-8");
            assertThat(anc.value()).isEqualByComparingTo("0.4");
            assertThat(anc.ucumUnit()).isEqualTo("10*9/L");
            assertThat(anc.referenceRange().low()).isEqualByComparingTo("1.8");
            assertThat(anc.referenceRange().high()).isEqualByComparingTo("7.7");
            assertThat(anc.observedAt()).isEqualTo(Instant.parse("2026-11-20T06:45:00Z"));
            assertThat(anc.sourceSystem()).isEqualTo("LIS@ST-ELSEWHERE");
            assertThat(anc.sourceMessageId()).isEqualTo("LIS-000123");
            assertThat(anc.sourceObservationId()).isEqualTo("FIL-778/751-8/");
            assertThat(anc.status()).isEqualTo(ResultStatus.FINAL);
            var bilirubin = (LabResultRecorded) labs.getLast();
            assertThat(bilirubin.loinc()).isEqualTo("1975-2");
            assertThat(bilirubin.ucumUnit()).isEqualTo("umol/L");
            assertThat(bilirubin.value()).isEqualByComparingTo("41");
        }

        @Test
        void aVersion23MessageWithLocalCodesIsMappedPerSenderAndReadInTheHospitalZone() {
            String ack = handler.handle(message("oru-r01-v23-local-codes.hl7"));

            assertThat(segment(ack, "MSH")).endsWith("|P|2.3");
            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|CL77001|");
            List<Object> labs = kafka.payloadsOn(Topics.LAB_RESULTS);
            assertThat(labs)
                    .extracting(lab -> ((LabResultRecorded) lab).loinc())
                    .containsExactly("751-8", "777-3");
            var anc = (LabResultRecorded) labs.getFirst();
            assertThat(anc.value()).as("350 /uL in the canonical unit").isEqualByComparingTo("0.350");
            assertThat(anc.ucumUnit()).isEqualTo("10*9/L");
            assertThat(anc.referenceRange().low()).isEqualByComparingTo("1.8");
            assertThat(anc.observedAt())
                    .as("OBR-7 without offset is Paris time")
                    .isEqualTo(Instant.parse("2026-11-20T07:00:00Z"));
            assertThat(((LabResultRecorded) labs.getLast()).value())
                    .as("SN with '=' is an exact value")
                    .isEqualByComparingTo("18");
        }

        @Test
        void flowsheetVitalSignsBecomeVitalSignRecordsInCanonicalUnits() {
            String ack = handler.handle(message("oru-r01-flowsheet-vitals.hl7"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|FS-441|");
            List<Object> vitals = kafka.payloadsOn(Topics.VITAL_SIGNS);
            assertThat(vitals).hasSize(5);
            assertThat(((VitalSignsRecorded) vitals.get(0)).temperatureCelsius())
                    .isEqualByComparingTo("38.5");
            assertThat(((VitalSignsRecorded) vitals.get(1)).spo2Percent()).isEqualByComparingTo("91");
            assertThat(((VitalSignsRecorded) vitals.get(2)).oxygenDevice()).isEqualTo(OxygenDevice.NASAL_CANNULA);
            assertThat(((VitalSignsRecorded) vitals.get(3)).oxygenFlowLitresPerMinute())
                    .isEqualByComparingTo("4");
            assertThat(((VitalSignsRecorded) vitals.get(4)).weightKg()).isEqualByComparingTo("71.4");
        }

        @Test
        void aCorrectedResultKeepsItsObservationIdAndACancelledOneCarriesNoValue() {
            String ack = handler.handle(message("oru-r01-corrected-and-cancelled.hl7"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|LIS-000124|");

            List<Object> labs = kafka.payloadsOn(Topics.LAB_RESULTS);
            var corrected = (LabResultRecorded) labs.getFirst();
            assertThat(corrected.status()).isEqualTo(ResultStatus.CORRECTED);
            assertThat(corrected.sourceObservationId()).isEqualTo("FIL-778/751-8/");
            var cancelled = (LabResultRecorded) labs.getLast();
            assertThat(cancelled.status()).isEqualTo(ResultStatus.CANCELLED);
            assertThat(cancelled.value()).isNull();
        }
    }

    @Nested
    class Administrations {

        @Test
        void trackedDrugsBecomeTherapyEventsAndUntrackedOnesAreIgnored() {
            String ack = handler.handle(message("ras-o17-tocilizumab-and-dexamethasone.hl7"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|MAR-90017|");
            List<Object> events = kafka.payloadsOn(Topics.THERAPY_EVENTS);
            assertThat(events)
                    .extracting(event -> ((TherapyEventRecorded) event).supportiveDrug())
                    .containsExactly(SupportiveDrug.TOCILIZUMAB, SupportiveDrug.CORTICOSTEROID);
            var tocilizumab = (TherapyEventRecorded) events.getFirst();
            assertThat(tocilizumab.occurredAt()).isEqualTo(Instant.parse("2026-11-21T03:30:00Z"));
            assertThat(tocilizumab.dose()).isEqualByComparingTo(new BigDecimal("560"));
            assertThat(tocilizumab.eventId())
                    .as("two drugs of one message are two events")
                    .isNotEqualTo(((TherapyEventRecorded) events.getLast()).eventId());
        }
    }

    @Nested
    class Rejections {

        @Test
        void contentErrorsAreAnsweredAeWithOneLocatedErrPerProblemAndDeadLettered() {
            String ack = handler.handle(message("oru-r01-content-errors.hl7"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|LIS-BAD-1|");
            List<String> errs = segments(ack, "ERR");
            assertThat(errs)
                    .anySatisfy(err -> assertThat(err)
                            .contains("|OBX^1^6|103^Table value not found^HL70357|E|")
                            .contains("'mg' is not a unit of"));
            assertThat(errs)
                    .anySatisfy(err -> assertThat(err)
                            .contains("|OBX^2^3|103^")
                            .contains("'9999-9' is not a code ToxWatch monitors"));
            assertThat(errs)
                    .anySatisfy(err -> assertThat(err)
                            .contains("|OBX^3^5|102^")
                            .contains("is a range or ratio ('10-20'), not a gradable value"));
            assertThat(errs)
                    .anySatisfy(err -> assertThat(err).contains("|OBX^4^5|102^").contains("is not a decimal number"));
            assertThat(errs).anySatisfy(err -> assertThat(err).contains("|OBX^4^14|102^"));
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS))
                    .as("nothing of a rejected message")
                    .isEmpty();
            var dead = (RejectedInput) kafka.payloadsOn(Topics.LAB_RESULTS_DLT).getFirst();
            assertThat(dead.protocol()).isEqualTo("HL7V2");
            assertThat(dead.sourceMessageId()).isEqualTo("LIS-BAD-1");
            assertThat(dead.rawPayload()).isEqualTo(message("oru-r01-content-errors.hl7"));
            assertThat(dead.reasons()).hasSize(errs.size());
        }

        @Test
        void aResultWithALoincCodeToxWatchDoesNotMonitorIsSkippedEvenWithATextRangeAndTheRestStored() {
            String withCholesterol = message("oru-r01-v251-cbc-and-liver.hl7")
                    .replace(
                            "OBX|3|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||78|g/L^^UCUM|120-160|L|||F|||",
                            "OBX|3|NM|2093-3^Cholesterol [Mass/volume] in Serum or Plasma^LN||190|mg/dL^^UCUM"
                                    + "|desirable below 200 mg/dL, high 240 or above||||F|||");

            String ack = handler.handle(withCholesterol);

            assertThat(segment(ack, "MSA")).isEqualTo("MSA|AA|LIS-000123|stored: 5 event(s), skipped 1 not monitored");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS))
                    .extracting(event -> ((LabResultRecorded) event).loinc())
                    .doesNotContain("2093-3");
        }

        @Test
        void anUnknownLocalCodeIsRejectedUnlessTheSenderIsConfiguredToSkipIt() {
            var lenient = handler(ZoneId.of("Europe/Paris"), Set.of("LIS@ST-ELSEWHERE"));
            String withLocalCode = message("oru-r01-v251-cbc-and-liver.hl7")
                    .replace(
                            "OBX|3|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||78|g/L^^UCUM|120-160|L|||F|||",
                            "OBX|3|NM|CHOL^Cholesterol^L||190|mg/dL^^UCUM|<200||||F|||");

            String strictAck = handler.handle(withLocalCode);
            String lenientAck = lenient.handle(withLocalCode.replace("LIS-000123", "LIS-000125"));

            assertThat(segment(strictAck, "MSA"))
                    .as("by default an unknown local code is rejected: it could be a relevant test with no mapping")
                    .startsWith("MSA|AE|");
            assertThat(segment(lenientAck, "MSA"))
                    .isEqualTo("MSA|AA|LIS-000125|stored: 5 event(s), skipped 1 not monitored");
        }

        @Test
        void anUnsupportedVersionIsRejectedArWithError203() {
            String ack =
                    handler.handle(message("oru-r01-v251-cbc-and-liver.hl7").replace("|P|2.5.1|", "|P|2.9|"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AR|LIS-000123|");
            assertThat(segment(ack, "ERR")).contains("|MSH^1^12|203^Unsupported version id^HL70357|F|");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }

        @Test
        void anUnsupportedMessageTypeIsRejectedArWithError200() {
            String adt =
                    "MSH|^~\\&|CPOE|ST-ELSEWHERE|TOXWATCH|TOXWATCH|202611200800||ORM^O01|ORM-1|P|2.5.1\rPID|1||0012345\r";

            String ack = handler.handle(adt);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AR|ORM-1|");
            assertThat(segment(ack, "ERR")).contains("|MSH^1^9|200^Unsupported message type^HL70357|");
        }

        @Test
        void textThatIsNotHl7IsAnsweredAeAndDeadLettered() {
            String ack = handler.handle("hello, is this the lab?");

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE||");
            assertThat(segment(ack, "ERR")).contains("|MSH^1|100^");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }

        @Test
        void anOversizedMessageIsAnsweredFromItsHeaderAndDeadLettered() {
            String ack = handler.oversized(message("oru-r01-v251-cbc-and-liver.hl7"), 5_000_000, 1_048_576);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|LIS-000123|");
            assertThat(segment(ack, "ERR")).contains("message of 5000000 bytes exceeds the limit of 1048576");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }
    }

    @Nested
    class SendersRefusedForHowTheyArrive {

        @Test
        void aSenderNotPermittedFromItsAddressIsAnsweredAeNamingTheReasonNotRetryLater() {
            String ack = handler.refused(message("oru-r01-v251-cbc-and-liver.hl7"), SenderRefusal.SOURCE_ADDRESS);

            assertThat(segment(ack, "MSA"))
                    .startsWith("MSA|AE|LIS-000123|sender not permitted from this source address; nothing stored")
                    .doesNotContain("resend later");
            assertThat(segment(ack, "ERR"))
                    .contains("|MSH^1^3|207^Application internal error^HL70357|E||||sender not permitted from this"
                            + " source address: refused, not stored");
            assertThat(ack)
                    .as("nothing of the patient")
                    .doesNotContain("0012345")
                    .doesNotContain("DOE");
        }

        @Test
        void aRefusedMessageIsNeitherPublishedNorDeadLetteredAndIsCountedByItsReason() {
            handler.refused(message("oru-r01-v251-cbc-and-liver.hl7"), SenderRefusal.CERTIFICATE);

            assertThat(kafka.published()).isEmpty();
            assertThat(meters.get("toxwatch.ingest.rejections")
                            .tag("protocol", "HL7V2")
                            .tag("reason", "sender-certificate")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(meters.get("toxwatch.ingest.messages")
                            .tag("outcome", "rejected")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    @Nested
    class NothingLostNothingDuplicated {

        @Test
        void aResendIsAcknowledgedAaAgainAndPublishesNothing() {
            handler.handle(message("oru-r01-v251-cbc-and-liver.hl7"));

            String again = handler.handle(message("oru-r01-v251-cbc-and-liver.hl7"));

            assertThat(segment(again, "MSA")).startsWith("MSA|AA|LIS-000123|already stored: 6 event(s)");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(5);
            assertThat(meters.get("toxwatch.ingest.messages")
                            .tag("outcome", "resend")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }

        @Test
        void whenKafkaCannotStoreTheEventsTheAnswerIsArAndTheResendIsProcessedAfresh() {
            kafka.unavailable(true);
            String refused = handler.handle(message("oru-r01-v251-cbc-and-liver.hl7"));
            kafka.unavailable(false);
            String retried = handler.handle(message("oru-r01-v251-cbc-and-liver.hl7"));

            assertThat(segment(refused, "MSA")).startsWith("MSA|AR|LIS-000123|not stored");
            assertThat(segment(retried, "MSA")).startsWith("MSA|AA|LIS-000123|stored: 6 event(s)");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(5);
        }
    }

    @Nested
    class NothingReadableIsNeverAa {

        private static final String HEADER =
                "MSH|^~\\&|LIS|ST-ELSEWHERE|TOXWATCH|TOXWATCH|20261120080000||ORU^R01|EMPTY-1|P|2.5.1\r";

        @Test
        void anOruWithoutObrAndObxIsAnsweredAeWithTheReason() {
            String ack = handler.handle(HEADER + "PID|1||0012345^^^ST-ELSEWHERE^MR\r");

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|EMPTY-1|");
            assertThat(segment(ack, "ERR")).contains("no OBR segment");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }

        @Test
        void aDamagedSegmentNameIsAnsweredAeRatherThanItsResultSilentlyDropped() {
            String damaged = message("oru-r01-flowsheet-vitals.hl7").replace("\rOBX|2|", "\rOBY|2|");

            String ack = handler.handle(damaged);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|FS-441|");
            assertThat(segment(ack, "ERR")).contains("segment 5 is not a segment of ORU_R01");
            assertThat(kafka.payloadsOn(Topics.VITAL_SIGNS)).isEmpty();
        }

        @Test
        void resultsSentBeforeTheirOrderAreAnsweredAeNotAcceptedAsNothing() {
            var segments = new java.util.ArrayList<>(
                    java.util.List.of(message("oru-r01-flowsheet-vitals.hl7").split("\r")));
            var results = segments.stream()
                    .filter(segment -> segment.startsWith("OBX|"))
                    .toList();
            segments.removeAll(results);
            segments.addAll(1, results);

            String ack = handler.handle(String.join("\r", segments) + "\r");

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|FS-441|");
            assertThat(segment(ack, "ERR")).contains("OBX segments are out of place");
            assertThat(kafka.payloadsOn(Topics.VITAL_SIGNS)).isEmpty();
        }

        @Test
        void contentThatIsNotWhatMsh9SaysIsAnsweredAe() {
            String rasHeaderOnOruContent =
                    message("oru-r01-flowsheet-vitals.hl7").replace("ORU^R01^ORU_R01", "RAS^O17");

            String ack = handler.handle(rasHeaderOnOruContent);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|FS-441|");
            assertThat(segment(ack, "ERR")).contains("is not a segment of RAS_O17");
        }

        @Test
        void aMedicationFeedCarryingOnlyUntrackedDrugsIsStillAcceptedWithNothingStored() {
            String untracked = message("ras-o17-tocilizumab-and-dexamethasone.hl7")
                    .replaceAll("(?i)tocilizumab|dexamethasone", "Vancomycin");

            String ack = handler.handle(untracked);

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|MAR-90017|stored: 0 event(s)");
        }
    }

    @Nested
    class MalformedFields {

        private final String vitals = message("oru-r01-flowsheet-vitals.hl7");

        @Test
        void aMillionDigitValueIsRefusedByItsLengthWithoutBeingParsed() {
            String ack = handler.handle(vitals.replace("||71.4|kg", "||" + "7".repeat(1_048_000) + "|kg"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|FS-441|");
            assertThat(segment(ack, "ERR"))
                    .contains("|OBX^5^5|102^")
                    .contains("is a number of 1048000 characters; at most 32 are accepted");
            assertThat(ack).hasSizeLessThan(2_000);
        }

        @Test
        void anOffsetBeyondFourteenHoursIsTheSendersErrorNamedAtItsField() {
            String ack =
                    handler.handle(vitals.replace("|F|||202611210300+0100\rOBX|2|", "|F|||202611210300+2500\rOBX|2|"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|FS-441|");
            assertThat(segment(ack, "ERR")).contains("|OBX^1^14|102^").contains("is not a valid date/time");
        }

        @Test
        void yearOneIsNotAClinicalTime() {
            String ack =
                    handler.handle(vitals.replace("|F|||202611210300+0100\rOBX|2|", "|F|||000101010300+0100\rOBX|2|"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|FS-441|");
            assertThat(segment(ack, "ERR")).contains("|OBX^1^14|").contains("lies before 1900-01-01");
        }

        @Test
        void bytesThatAreNotUtf8AreAnsweredAeAndKept() {
            String ack = handler.malformed(vitals, "contains bytes that are not valid UTF-8 at byte 200");

            assertThat(segment(ack, "MSA")).startsWith("MSA|AE|FS-441|");
            assertThat(segment(ack, "ERR")).contains("not valid UTF-8 at byte 200");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }
    }

    @Nested
    class ReusedControlIds {

        @Test
        void theSameControlIdWithANewValueIsStoredAndFlaggedNotAnsweredAlreadyStored() {
            String first = message("oru-r01-flowsheet-vitals.hl7");
            handler.handle(first);

            String ack = handler.handle(first.replace("||71.4|kg", "||69.0|kg"));

            assertThat(segment(ack, "MSA"))
                    .startsWith("MSA|AA|FS-441|stored: 5 event(s); control id reused with different content");
            assertThat(kafka.payloadsOn(Topics.VITAL_SIGNS))
                    .extracting(vitals -> ((VitalSignsRecorded) vitals).weightKg())
                    .filteredOn(java.util.Objects::nonNull)
                    .extracting(BigDecimal::doubleValue)
                    .containsExactly(71.4, 69.0);
            assertThat(meters.get("toxwatch.ingest.messages")
                            .tag("outcome", "control_id_reused")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }

        @Test
        void aCopySentAgainWithANewSendingTimeIsStillAResend() {
            String first = message("oru-r01-flowsheet-vitals.hl7");
            handler.handle(first);

            String ack = handler.handle(first.replace("|20261121031000+0100|", "|20261121041500+0100|"));

            assertThat(segment(ack, "MSA")).startsWith("MSA|AA|FS-441|already stored: 5 event(s)");
        }
    }

    private static String segment(String ack, String id) {
        return segments(ack, id).getFirst();
    }

    private static List<String> segments(String ack, String id) {
        return Arrays.stream(ack.split("\r"))
                .filter(s -> s.startsWith(id + "|"))
                .toList();
    }
}
