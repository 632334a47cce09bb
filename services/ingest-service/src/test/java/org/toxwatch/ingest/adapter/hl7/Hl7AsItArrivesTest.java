package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ValueComparator;

/** HL7 v2 details that are ordinary in real laboratory feeds, each in an otherwise plain one-result message. */
class Hl7AsItArrivesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String ANC = "OBX|1|NM|751-8^Neutrophils [#/volume] in Blood by Automated count^LN||0.4"
            + "|10*9/L^^UCUM|1.8-7.7|LL|||F|||202611210700";

    private final RecordingEventPublisher kafka = new RecordingEventPublisher();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Hl7MessageHandler handler = handler(Hl7PatientIdentity.ID);

    private Hl7MessageHandler handler(Hl7PatientIdentity identity) {
        return Hl7Handlers.handler(kafka, new LocalCodes(Map.of()), NOW, ZoneId.of("Europe/Paris"), identity, meters);
    }

    private static String message(String version, String... segments) {
        return "MSH|^~\\&|LAB|GENERAL|TOXWATCH|TOXWATCH|20261121080000||ORU^R01^ORU_R01|MSG-1|P|" + version + "\r"
                + "PID|1||0012345^^^GENERAL^MR\r"
                + "OBR|1||F-1|58410-2^CBC panel - Blood by Automated count^LN|||202611210700\r"
                + String.join("\r", segments) + "\r";
    }

    private static String oneResult(String obx) {
        return message("2.5.1", obx);
    }

    private String answer(String message) {
        String ack = handler.handle(message);
        return Arrays.stream(ack.split("\r"))
                .filter(s -> s.startsWith("MSA|"))
                .findFirst()
                .orElseThrow();
    }

    private String errors(String message) {
        return handler.handle(message);
    }

    private LabResultRecorded onlyLab() {
        return (LabResultRecorded) kafka.payloadsOn(Topics.LAB_RESULTS).getFirst();
    }

    @Nested
    class ReferenceRanges {

        @ParameterizedTest(name = "''{0}''")
        @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
                1.8 - 7.7          ; 1.8 ; 7.7
                1.8 to 7.7         ; 1.8 ; 7.7
                1.8-7.7 10*9/L     ; 1.8 ; 7.7
                >1.8 10*9/L        ; 1.8 ; -
                <=7.7              ; -   ; 7.7
                Negative           ; -   ; -
                """)
        void theFormsLaboratoriesWriteAreReadAndTextIsNoError(String range, String low, String high) {
            String msa = answer(oneResult(ANC.replace("|1.8-7.7|", "|" + range + "|")));

            assertThat(msa).startsWith("MSA|AA|");
            var limits = onlyLab().referenceRange();
            assertThat(
                            limits == null || limits.low() == null
                                    ? null
                                    : limits.low().toPlainString())
                    .isEqualTo(low);
            assertThat(
                            limits == null || limits.high() == null
                                    ? null
                                    : limits.high().toPlainString())
                    .isEqualTo(high);
        }

        @Test
        void numbersInNoKnownFormOnAMonitoredResultAreAnError() {
            String ack = errors(oneResult(ANC.replace("|1.8-7.7|", "|M 1.8-7.7, F 1.6-7.0|")));

            assertThat(ack).contains("MSA|AE|").contains("|OBX^1^7|");
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).isEmpty();
        }

        @Test
        void aRangeInAnotherUnitThanTheResultIsAnError() {
            String ack = errors(oneResult(ANC.replace("|1.8-7.7|", "|1800-7700 /uL|")));

            assertThat(ack).contains("MSA|AE|").contains("reference range is in '/uL', the result in '10*9/L'");
        }
    }

    @Nested
    class CollectionTimes {

        @Test
        void aDateWithoutTimeInObx14GivesWayToTheTimeOfTheSameDayInObr7() {
            answer(oneResult(ANC.replace("|||202611210700", "|||20261121")));

            assertThat(onlyLab().observedAt()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
            assertThat(onlyLab().observedAtPrecision()).isEqualTo(TimePrecision.MINUTE);
        }

        @Test
        void aDateAloneIsStoredAsThatDaysStartInUtcWithDayPrecision() {
            String msa = answer(message("2.5.1", ANC.replace("|||202611210700", "|||20261120"))
                    .replace("|||202611210700\r", "|||20261120\r"));

            assertThat(msa).startsWith("MSA|AA|");
            assertThat(onlyLab().observedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
            assertThat(onlyLab().observedAtPrecision()).isEqualTo(TimePrecision.DAY);
        }

        @Test
        void anObr7OfAnotherDayDoesNotLendItsTimeToADateAlone() {
            answer(oneResult(ANC.replace("|||202611210700", "|||20261120")));

            assertThat(onlyLab().observedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
            assertThat(onlyLab().observedAtPrecision()).isEqualTo(TimePrecision.DAY);
        }

        @Test
        void aTimeToTheSecondHasNoPrecisionNamed() {
            answer(oneResult(ANC.replace("|||202611210700", "|||20261121070012")));

            assertThat(onlyLab().observedAtPrecision()).isNull();
        }

        @Test
        void aYearAloneIsNotAClinicalTime() {
            assertThat(errors(oneResult(ANC.replace("|||202611210700", "|||2026"))))
                    .contains("MSA|AE|")
                    .contains("|OBX^1^14|");
        }
    }

    @Nested
    class ValuesAndUnits {

        @ParameterizedTest(name = "SN ''{0}''")
        @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
                <^0.1    ; LESS_THAN        ; 0.1
                <=^0.1   ; LESS_OR_EQUAL    ; 0.1
                >^10     ; GREATER_THAN     ; 10
                >=^10    ; GREATER_OR_EQUAL ; 10
                ^0.4     ; -                ; 0.4
                =^0.4    ; -                ; 0.4
                """)
        void structuredNumericValuesAreReadWithTheirComparator(String sn, ValueComparator comparator, String value) {
            answer(oneResult(ANC.replace("|NM|", "|SN|").replace("||0.4|", "||" + sn + "|")));

            assertThat(onlyLab().comparator()).isEqualTo(comparator);
            assertThat(onlyLab().value()).isEqualByComparingTo(value);
        }

        @Test
        void aCensoredValueWrittenInNmIsReadLikeSn() {
            answer(oneResult(ANC.replace("||0.4|", "||<0.1|")));

            assertThat(onlyLab().comparator()).isEqualTo(ValueComparator.LESS_THAN);
            assertThat(onlyLab().value()).isEqualByComparingTo("0.1");
        }

        @ParameterizedTest(name = "SN ''{0}''")
        @ValueSource(strings = {"<>^5", "^1^-^5", "^1^:^128"})
        void anSnThatIsNoValueOrBoundIsAnErrorOnAMonitoredResult(String sn) {
            assertThat(errors(oneResult(ANC.replace("|NM|", "|SN|").replace("||0.4|", "||" + sn + "|"))))
                    .contains("MSA|AE|")
                    .contains("|OBX^1^5|");
        }

        @ParameterizedTest(name = "''{0}''")
        @CsvSource({
            "{cells}/uL, {cells}/uL, 400",
            "K/uL, K/uL, 0.4",
            "x10E3/uL, x10E3/uL, 0.4",
            "10\\S\\9/L, 10^9/L, 0.4"
        })
        void vendorUnitsAreStoredInUcumWithTheSpellingKept(String written, String unit, String value) {
            answer(oneResult(ANC.replace("||0.4|10*9/L^^UCUM|1.8-7.7|", "||" + value + "|" + written + "||")));

            assertThat(onlyLab().ucumUnit()).isEqualTo("10*9/L");
            assertThat(onlyLab().value()).isEqualByComparingTo("0.4");
            assertThat(onlyLab().reportedUnit()).isEqualTo(unit);
        }

        @Test
        void everyRepetitionOfObx8IsCarried() {
            answer(oneResult(ANC.replace("|LL|", "|LL~A|")));

            assertThat(onlyLab().abnormalFlags()).containsExactly("LL", "A");
        }
    }

    @Nested
    class Specimens {

        private static final String POTASSIUM =
                "OBX|1|NM|2823-3^Potassium [Moles/volume] in Serum or Plasma^LN||6.8|mmol/L|3.5-5.1|H|||F|||202611210700";

        @Test
        void spm24HemolyzedMarksEveryResultOfItsOrder() {
            answer(oneResult(POTASSIUM + "\rSPM|1|||SER^Serum|||||||||||||||||||" + "|HEM^Hemolyzed^HL70493"));

            assertThat(onlyLab().specimenConditions()).containsExactly(SpecimenCondition.HEMOLYZED);
        }

        @Test
        void aCommentUnderTheResultSayingHemolyzedMarksIt() {
            answer(oneResult(POTASSIUM + "\rNTE|1|L|Specimen grossly hemolyzed. Recollect."));

            assertThat(onlyLab().specimenConditions()).containsExactly(SpecimenCondition.HEMOLYZED);
        }

        @Test
        void aCommentSayingNoHemolysisDoesNot() {
            answer(oneResult(POTASSIUM + "\rNTE|1|L|No hemolysis detected"));

            assertThat(onlyLab().specimenConditions()).isEmpty();
        }
    }

    @Nested
    class VersionsAndIdentity {

        @ParameterizedTest(name = "v{0}")
        @ValueSource(strings = {"2.3", "2.4", "2.5", "2.6", "2.7", "2.7.1", "2.8"})
        void everyVersionFrom23To28IsAcceptedWithItsLaterSegments(String version) {
            String msa = answer(message(
                    version, ANC, "PRT|1|AD|RO^Results Observer^HL70912||||||1234^Lab^Director", "NTE|1|L|Verified"));

            assertThat(msa).startsWith("MSA|AA|MSG-1|stored: 1 event(s)");
        }

        @Test
        void aVersionAfter28IsRejectedAr() {
            assertThat(answer(message("2.9", ANC))).startsWith("MSA|AR|");
        }

        @Test
        void theAssigningAuthorityIsPartOfThePatientIdWhenConfigured() {
            handler(Hl7PatientIdentity.ID_AND_AUTHORITY).handle(oneResult(ANC));

            assertThat(onlyLab().patientId()).isEqualTo("0012345@GENERAL");
        }

        @Test
        void withoutAnAssigningAuthorityTheResultIsRefusedWhenItIsPartOfTheIdentity() {
            String ack = handler(Hl7PatientIdentity.ID_AND_AUTHORITY)
                    .handle(oneResult(ANC).replace("0012345^^^GENERAL^MR", "0012345^^^^MR"));

            assertThat(ack).contains("MSA|AE|").contains("|PID^1^3|").contains("assigning authority");
        }

        @Test
        void byDefaultTheIdAloneNamesThePatient() {
            answer(oneResult(ANC));

            assertThat(onlyLab().patientId()).isEqualTo("0012345");
        }
    }

    @Test
    void nothingWrongWithAResultToxWatchDoesNotGradeRejectsTheMessage() {
        String cholesterol = "OBX|2|ST|2093-3^Cholesterol [Mass/volume] in Serum or Plasma^LN||see note|mg/dL"
                + "|desirable below 200||||F|||2026";

        String msa = answer(oneResult(ANC + "\r" + cholesterol));

        assertThat(msa).isEqualTo("MSA|AA|MSG-1|stored: 1 event(s), skipped 1 not monitored");
        assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(1);
        assertThat(meters.counter("toxwatch.ingest.skipped.results", "protocol", "HL7V2")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aMessageOfOnlyResultsToxWatchDoesNotGradeIsAcceptedWithNothingStored() {
        String rbc = "OBX|1|NM|789-8^Erythrocytes [#/volume] in Blood by Automated count^LN||3.9|10*6/uL|4.2-5.4|L"
                + "|||F|||202611210700";
        String mcv = "OBX|2|NM|787-2^MCV [Entitic volume] by Automated count^LN||91|fL|80-100||||F|||202611210700";

        String msa = answer(oneResult(rbc + "\r" + mcv));

        assertThat(msa).isEqualTo("MSA|AA|MSG-1|stored: 0 event(s), skipped 2 not monitored");
        assertThat(kafka.published()).isEmpty();
        assertThat(List.of(msa)).noneMatch(text -> text.contains("AE"));
    }
}
