package org.toxwatch.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;

class RecordClinicalEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final RecordingEventPublisher kafka = new RecordingEventPublisher();

    private RecordClinicalEvents recording(Set<String> sendersWhoseUnknownCodesAreIgnored) {
        return new RecordClinicalEvents(
                new ObservationValidator(Duration.ofMinutes(5)),
                new TherapyEvents(Duration.ofMinutes(5)),
                new LocalCodes(Map.of(), sendersWhoseUnknownCodesAreIgnored),
                kafka,
                new InMemoryInboundArchive(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ObservationSubmission observation(String loinc, String value, String unit, String messageId) {
        return new ObservationSubmission(
                "MRN-1",
                loinc,
                new BigDecimal(value),
                null,
                unit,
                NOW.minusSeconds(3600),
                null,
                null,
                null,
                messageId,
                null,
                null);
    }

    private static Submission submission() {
        return new Submission("JSON", "lis", "a,b,c", "[...]");
    }

    @Test
    void aSkippedResultKeepsItsPlaceSoViolationsNameTheItemTheSenderSent() {
        var cholesterol = observation("2093-3", "190", "mg/dL", "a");
        var ancInMilligrams = observation("751-8", "0.4", "mg", "b");

        var outcome = recording(Set.of("lis")).observations(submission(), List.of(cholesterol, ancInMilligrams));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Rejected.class,
                        rejected -> assertThat(rejected.violations())
                                .extracting(Violation::field)
                                .containsExactly("[1].unit"));
    }

    @Test
    void skippedResultsAreNotPublishedAndTheRestIs() {
        var cholesterol = observation("2093-3", "190", "mg/dL", "a");
        var anc = observation("751-8", "0.4", "10*9/L", "b");

        var outcome = recording(Set.of("lis")).observations(submission(), List.of(cholesterol, anc));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Accepted.class, accepted -> {
            assertThat(accepted.stored()).isEqualTo(1);
            assertThat(accepted.notMonitored()).containsExactly("2093-3");
        });
        assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(1);
    }

    @Nested
    class OneWayIn {

        private static final java.util.function.UnaryOperator<String> OBX_3 =
                field -> field.equals("unit") ? "OBX^3^6" : "OBX^3";

        @Test
        void whatTheSharedRulesFindIsReportedWhereTheSenderWroteIt() {
            var ancInMilligrams =
                    new SubmittedItem.Observation(observation("751-8", "0.4", "mg", "a"), OBX_3, List.of());

            var outcome = recording(Set.of())
                    .record(submission(), InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of(ancInMilligrams));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.Rejected.class,
                            rejected -> assertThat(rejected.violations())
                                    .extracting(Violation::field)
                                    .containsExactly("OBX^3^6"));
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }

        @Test
        void aFieldThatCouldNotBeReadIsReportedOnceAsUnreadable() {
            var unreadableUnit = new SubmittedItem.Observation(
                    observation("751-8", "0.4", "mg", "a"),
                    OBX_3,
                    List.of(new Violation("OBX^3^6", "cannot be read as a unit")));

            var outcome = recording(Set.of())
                    .record(submission(), InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of(unreadableUnit));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.Rejected.class,
                            rejected -> assertThat(rejected.violations())
                                    .containsExactly(new Violation("OBX^3^6", "cannot be read as a unit")));
        }
    }

    @Nested
    class MixedPanels {

        @Test
        void aLoincCodeToxWatchDoesNotMonitorIsSkippedForEverySenderWhateverElseIsWrongWithIt() {
            var sodiumWithoutUnit = observation("2951-2", "139", "", "a");
            var cholesterolInTheFuture = new ObservationSubmission(
                    "MRN-1",
                    "2093-3",
                    new BigDecimal("190"),
                    null,
                    "mg/dL",
                    NOW.plusSeconds(86_400),
                    null,
                    null,
                    "bogus",
                    "b",
                    null,
                    null);
            var anc = observation("751-8", "0.4", "10*9/L", "c");

            var outcome = recording(Set.of())
                    .observations(submission(), List.of(sodiumWithoutUnit, anc, cholesterolInTheFuture));

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Accepted.class, accepted -> {
                assertThat(accepted.stored()).isEqualTo(1);
                assertThat(accepted.skipped()).isEqualTo(2);
            });
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS))
                    .singleElement()
                    .extracting(event -> ((LabResultRecorded) event).loinc())
                    .isEqualTo("751-8");
        }

        @Test
        void aMessageOfOnlyUnmonitoredResultsIsAcceptedWithNothingStored() {
            var outcome = recording(Set.of())
                    .observations(
                            submission(),
                            List.of(
                                    observation("2093-3", "190", "mg/dL", "a"),
                                    observation("789-8", "4.1", "10*6/uL", "b")));

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Accepted.class, accepted -> {
                assertThat(accepted.stored()).isZero();
                assertThat(accepted.notMonitored()).containsExactly("2093-3", "789-8");
            });
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).isEmpty();
        }

        @Test
        void aMonitoredResultThatCannotBeUsedStillRejectsTheWholeMessage() {
            var cholesterol = observation("2093-3", "190", "mg/dL", "a");
            var ancInMilligrams = observation("751-8", "0.4", "mg", "b");

            var outcome = recording(Set.of()).observations(submission(), List.of(cholesterol, ancInMilligrams));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).isEmpty();
        }

        @Test
        void aCodeThatFailsTheLoincCheckDigitIsRejectedNotSkipped() {
            // 751-9 is the neutrophil count 751-8 mistyped: skipping it could hide a grade 4 neutropenia.
            var outcome =
                    recording(Set.of()).observations(submission(), List.of(observation("751-9", "0.4", "10*9/L", "a")));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.Rejected.class,
                            rejected -> assertThat(rejected.violations())
                                    .singleElement()
                                    .satisfies(v -> assertThat(v.message()).contains("nor a well-formed LOINC code")));
        }

        @Test
        void anUnknownLocalCodeIsRejectedUnlessTheSenderIsConfiguredToSkipIt() {
            var local = new ObservationSubmission(
                    "MRN-1",
                    null,
                    new BigDecimal("190"),
                    null,
                    "mg/dL",
                    NOW.minusSeconds(60),
                    null,
                    null,
                    null,
                    "a",
                    null,
                    "CHOL");

            var strict = recording(Set.of()).observations(submission(), List.of(local));
            var lenient = recording(Set.of("lis"))
                    .observations(new Submission("JSON", "lis", "other", "[...]"), List.of(local));

            assertThat(strict).isInstanceOf(Outcome.Rejected.class);
            assertThat(lenient)
                    .isInstanceOfSatisfying(
                            Outcome.Accepted.class,
                            accepted -> assertThat(accepted.notMonitored()).containsExactly("CHOL"));
        }

        @Test
        void aResendIsAnsweredWithTheSkippedCountOfTheFirstCopy() {
            var record = recording(Set.of());
            var items = List.of(observation("2093-3", "190", "mg/dL", "a"), observation("751-8", "0.4", "10*9/L", "b"));

            record.observations(submission(), items);
            var again = record.observations(submission(), items);

            assertThat(again).isInstanceOfSatisfying(Outcome.Accepted.class, accepted -> {
                assertThat(accepted.resend()).isTrue();
                assertThat(accepted.stored()).isEqualTo(1);
                assertThat(accepted.skipped()).isEqualTo(1);
            });
        }
    }

    @Nested
    class MalformedInput {

        @Test
        void aLoneSurrogateInAnItemsMessageIdIsRefusedWithItsPlaceAndKeptEncodably() {
            var wellFormed = observation("751-8", "2.5", "10*9/L", "a");
            var loneSurrogate = observation("751-8", "2.5", "10*9/L", "SE\uD800C");

            var outcome = recording(Set.of())
                    .observations(
                            new Submission("JSON", "lis", "SE\uD800C,a", "[...]"), List.of(wellFormed, loneSurrogate));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.Rejected.class,
                            rejected -> assertThat(rejected.violations())
                                    .extracting(Violation::field)
                                    .containsExactly("[1].sourceMessageId"));
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).isEmpty();
            var deadLetter =
                    (RejectedInput) kafka.payloadsOn(Topics.LAB_RESULTS_DLT).getFirst();
            assertThat(deadLetter.sourceMessageId())
                    .as("not keyed by a malformed id")
                    .isNull();
        }

        @Test
        void aMalformedItemIsNotJudgedClinicallySoItsValueIsNeverEchoed() {
            var hugeCode = observation("7".repeat(100_000), "2.5", "10*9/L", "a");

            var outcome = recording(Set.of()).observations(submission(), List.of(hugeCode));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.Rejected.class,
                            rejected -> assertThat(rejected.violations())
                                    .singleElement()
                                    .satisfies(v -> assertThat(v.toString()).hasSizeLessThan(100)));
        }

        @Test
        void aSenderThatMayOmitUnknownCodesStillHasAMalformedOneRefused() {
            var unknownWithControl = observation("2093-3\r", "190", "mg/dL", "a");

            var outcome = recording(Set.of("lis")).observations(submission(), List.of(unknownWithControl));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        }

        @Test
        void aMessageIdWithAControlCharacterIsRefusedForEveryProtocol() {
            var derived = recording(Set.of())
                    .derived(
                            new Submission("HL7V2", "LIS@LAB", "CTRL\u0000ID", "MSH|..."),
                            List.of(),
                            InputKind.LAB_OR_VITAL_OBSERVATIONS);

            assertThat(derived)
                    .isInstanceOfSatisfying(
                            Outcome.Rejected.class,
                            rejected -> assertThat(rejected.violations())
                                    .extracting(Violation::field)
                                    .containsExactly("messageId"));
        }
    }

    @Nested
    class ReusedMessageIds {

        private final RecordClinicalEvents record = recording(Set.of());

        private Outcome send(String value) {
            var anc = observation("751-8", value, "10*9/L", "lab-42");
            return record.observations(
                    new Submission("JSON", "lis", "lab-42", "{\"value\":" + value + "}"), List.of(anc));
        }

        @Test
        void theSameIdWithANewValueIsRecordedAsAMessageOfItsOwnAndFlagged() {
            var first = (Outcome.Accepted) send("2.5");

            var second = send("0.1");

            assertThat(second).isInstanceOfSatisfying(Outcome.Accepted.class, accepted -> {
                assertThat(accepted.resend()).isFalse();
                assertThat(accepted.controlIdReused()).isTrue();
                assertThat(accepted.eventIds()).doesNotContainAnyElementsOf(first.eventIds());
            });
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS))
                    .extracting(lab -> ((LabResultRecorded) lab).value().toPlainString())
                    .containsExactly("2.5", "0.1");
        }

        @Test
        void anExactCopyIsStillAResendWithTheOriginalIds() {
            var first = (Outcome.Accepted) send("2.5");

            var copy = send("2.5");

            assertThat(copy).isInstanceOfSatisfying(Outcome.Accepted.class, accepted -> {
                assertThat(accepted.resend()).isTrue();
                assertThat(accepted.eventIds()).isEqualTo(first.eventIds());
            });
            assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(1);
        }

        @Test
        void itemsOfOneArrayNeverShareAnEventIdEvenWithTheSameMessageIdOrTheSameContent() {
            var anc = observation("751-8", "2.5", "10*9/L", "same");
            var otherValue = observation("751-8", "0.1", "10*9/L", "same");

            var outcome =
                    record.observations(new Submission("JSON", "lis", "same", "[...]"), List.of(anc, otherValue, anc));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.Accepted.class,
                            accepted -> assertThat(accepted.eventIds())
                                    .doesNotHaveDuplicates()
                                    .hasSize(3));
        }

        @Test
        void eventIdsAreDeterministicSoAResentArrayKeepsThem() {
            var items = List.of(
                    observation("751-8", "2.5", "10*9/L", "same"), observation("751-8", "0.1", "10*9/L", "same"));
            List<UUID> first = ((Outcome.Accepted)
                            recording(Set.of()).observations(new Submission("JSON", "lis", "same", "[1]"), items))
                    .eventIds();

            List<UUID> again = ((Outcome.Accepted)
                            recording(Set.of()).observations(new Submission("JSON", "lis", "same", "[1]"), items))
                    .eventIds();

            assertThat(again).isEqualTo(first);
        }
    }
}
