package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event that cannot be graded, at whatever stage, goes to the dead-letter topic of its input topic with a
 * reason that names the stage and no patient data; the patient's state stays as it was, and the next event,
 * of any patient, is graded.
 */
class UngradableEventsTest {

    private static final Instant COLLECTED = Instant.parse("2026-11-20T08:00:00Z");
    private static final String LONE_SURROGATE = "SE\\ud800C";

    private final JsonMapper json = JsonMapper.builder().build();
    private final MonitoringSerdes serdes = new MonitoringSerdes(json);
    private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("UTC")), serdes, meterRegistry);
    private final TestInputTopic<String, LabResultRecorded> labs = TopologyDrivers.labResults(driver, serdes);
    private final TestInputTopic<String, byte[]> rawLabs =
            driver.createInputTopic(Topics.LAB_RESULTS, new StringSerializer(), new ByteArraySerializer());
    private final TestOutputTopic<String, ToxicityAssessed> assessments = TopologyDrivers.assessments(driver, serdes);
    private final TestOutputTopic<String, RejectedInput> deadLetters = driver.createOutputTopic(
            Topics.LAB_RESULTS_DLT,
            new StringDeserializer(),
            serdes.deadLetters().deserializer());
    private final KeyValueStore<String, PatientState> states =
            driver.getKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aLoneSurrogateIsDeadLetteredAndTheNextPatientIsStillGraded() {
        rawLabs.pipeInput("MRN-1", bytes(jsonOf(anAnc("MRN-1", "0.3")).replace("lab-42", LONE_SURROGATE)));
        labs.pipeInput("MRN-2", anAnc("MRN-2", "0.3"));

        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.targetTopic()).isEqualTo(Topics.LAB_RESULTS);
            assertThat(deadLetter.reasons())
                    .containsExactly("monitoring could not grade this event while writing the patient's state"
                            + " (SerializationException)");
            assertThat(deadLetter.rawPayload()).contains("SE?C").contains("751-8");
        });
        assertThat(neutrophilGradesOf("MRN-2")).isEqualTo(4);
        assertThat(states.get("MRN-1")).isNull();
        assertThat(deadLettersAt("writing_state")).isEqualTo(1.0);
    }

    @Test
    void anEventThatCannotBeStoredLeavesThePatientsStateAsItWas() {
        labs.pipeInput("MRN-1", anAnc("MRN-1", "0.3"));
        PatientState before = states.get("MRN-1");
        assessments.readValuesToList();

        // Grade 4 stays grade 4: no assessment is written, so the failure is in writing the state.
        rawLabs.pipeInput(
                "MRN-1",
                bytes(jsonOf(anAnc("MRN-1", "0.2", COLLECTED.plusSeconds(3600))).replace("lab-42", LONE_SURROGATE)));

        assertThat(states.get("MRN-1")).isEqualTo(before);
        assertThat(assessments.readValuesToList()).isEmpty();
        assertThat(deadLetters.readValuesToList())
                .singleElement()
                .satisfies(deadLetter ->
                        assertThat(deadLetter.reasons().getFirst()).contains("writing the patient's state"));
    }

    @Test
    void anEventWhoseAssessmentWouldBeTooLargeForTheBrokerIsDeadLetteredWithItsPayloadCut() {
        String huge = "x".repeat(GradingOutputs.LARGEST_RECORD_BYTES);

        rawLabs.pipeInput("MRN-1", bytes(jsonOf(anAnc("MRN-1", "0.3")).replace("lab-42", huge)));
        labs.pipeInput("MRN-1", anAnc("MRN-1", "0.3"));

        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.reasons().getFirst()).contains("RecordTooLarge");
            assertThat(deadLetter.rawPayload()).hasSizeLessThan(GradingOutputs.LARGEST_RECORD_BYTES);
        });
        assertThat(neutrophilGradesOf("MRN-1")).isEqualTo(4);
    }

    @Test
    void anEventKeyedToAnotherPatientIsNotFoldedIntoThatPatient() {
        labs.pipeInput("MRN-1", anAnc("MRN-2", "0.3"));

        assertThat(deadLetters.readValuesToList())
                .singleElement()
                .satisfies(deadLetter -> assertThat(deadLetter.reasons())
                        .containsExactly("monitoring could not grade this event while checking the event:"
                                + " the record key is not the event's patient id"));
        assertThat(states.get("MRN-1")).isNull();
        assertThat(states.get("MRN-2")).isNull();
    }

    @Test
    void aClinicalTimeInYearOneOrFarAheadIsDeadLetteredNotDroppedOrGraded() {
        labs.pipeInput("MRN-1", anAnc("MRN-1", "0.3", Instant.parse("0001-01-01T00:00:00Z")));
        labs.pipeInput("MRN-1", anAnc("MRN-1", "0.3", Instant.parse("9999-01-01T00:00:00Z")));
        labs.pipeInput(
                "MRN-1",
                anAnc("MRN-1", "0.3", Instant.parse("1900-01-01T00:00:00Z").minusSeconds(1)));

        assertThat(deadLetters.readValuesToList())
                .hasSize(3)
                .allSatisfy(deadLetter ->
                        assertThat(deadLetter.reasons().getFirst()).contains("the clinical time is outside"));
        assertThat(states.get("MRN-1")).isNull();
    }

    @Test
    void aRecordWithoutAValueIsDeadLetteredWithItsReason() {
        rawLabs.pipeInput("MRN-1", (byte[]) null);
        labs.pipeInput("MRN-2", anAnc("MRN-2", "0.3"));

        assertThat(deadLetters.readValuesToList())
                .singleElement()
                .satisfies(deadLetter ->
                        assertThat(deadLetter.reasons().getFirst()).endsWith("the record has no value"));
        assertThat(neutrophilGradesOf("MRN-2")).isEqualTo(4);
    }

    @Test
    void aValueOfAMillionDigitsIsAPoisonRecordAndTheStreamGoesOn() {
        String millionDigits = "1".repeat(1_000_000);
        String withMillionDigits = jsonOf(anAnc("MRN-1", "0.3")).replace("\"value\":0.3", "\"value\":" + millionDigits);
        assertThat(withMillionDigits).contains(millionDigits);

        rawLabs.pipeInput("MRN-1", bytes(withMillionDigits));
        labs.pipeInput("MRN-2", anAnc("MRN-2", "0.3"));

        assertThat(meterRegistry
                        .counter("toxwatch.monitoring.poison.records", "topic", Topics.LAB_RESULTS)
                        .count())
                .isEqualTo(1.0);
        assertThat(neutrophilGradesOf("MRN-2")).isEqualTo(4);
        assertThat(states.get("MRN-1")).isNull();
    }

    @Test
    void aValueWrittenInFewBytesButTooLargeToWriteOutIsDeadLetteredNotAStoppedThread() {
        rawLabs.pipeInput(
                "MRN-1", bytes(jsonOf(anAnc("MRN-1", "0.3")).replace("\"value\":0.3", "\"value\":1E+2147483647")));
        rawLabs.pipeInput("MRN-1", bytes(jsonOf(anAnc("MRN-1", "0.3")).replace("\"value\":0.3", "\"value\":1E-40")));
        labs.pipeInput("MRN-2", anAnc("MRN-2", "0.3"));

        assertThat(deadLetters.readValuesToList())
                .hasSize(2)
                .allSatisfy(deadLetter ->
                        assertThat(deadLetter.reasons().getFirst()).contains("integer digits"));
        assertThat(neutrophilGradesOf("MRN-2")).isEqualTo(4);
    }

    @Test
    void ordinaryClinicalValuesAreWithinTheBounds() {
        labs.pipeInput("MRN-1", anAnc("MRN-1", "0.000000000001"));
        labs.pipeInput("MRN-2", anAnc("MRN-2", "999999999999"));

        assertThat(deadLetters.readValuesToList()).isEmpty();
    }

    private Integer neutrophilGradesOf(String patientId) {
        return assessments.readValuesToList().stream()
                .filter(a -> a.patientId().equals(patientId))
                .filter(a -> a.criterion() == Criterion.NEUTROPHIL_COUNT_DECREASED)
                .map(ToxicityAssessed::grade)
                .reduce((first, last) -> last)
                .orElse(null);
    }

    private double deadLettersAt(String stage) {
        return meterRegistry
                .counter("toxwatch.monitoring.dead.letters", "stage", stage)
                .count();
    }

    private String jsonOf(LabResultRecorded result) {
        return json.writeValueAsString(result);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static LabResultRecorded anAnc(String patientId, String value) {
        return anAnc(patientId, value, COLLECTED);
    }

    private static LabResultRecorded anAnc(String patientId, String value, Instant collectedAt) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                patientId,
                collectedAt,
                collectedAt.plusSeconds(600),
                "lis",
                "lab-42",
                null,
                "751-8",
                new BigDecimal(value),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                ResultStatus.FINAL);
    }
}
