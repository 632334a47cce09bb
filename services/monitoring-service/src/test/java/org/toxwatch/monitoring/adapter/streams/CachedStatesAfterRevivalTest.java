package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalEvents;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grading processor keeps deserialized states in front of its store. Under exactly-once an aborted transaction
 * closes the task dirty and re-initialises its store from the changelog, without the writes of the aborted
 * transaction; the task is then initialised again and the uncommitted events are processed again. Those events must
 * be graded against the restored state, never against what the processor held before.
 */
class CachedStatesAfterRevivalTest {

    private static final String PATIENT = "MRN-REVIVED";

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final MockProcessorContext<String, GradingOutput> context = new MockProcessorContext<>();
    private final KeyValueStore<String, PatientState> store = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE),
                    Serdes.String(),
                    serdes.patientState())
            .withLoggingDisabled()
            .build();
    private final Clock clock = Clock.fixed(ClinicalEvents.MORNING_DRAW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    private final PatientGradingProcessor processor = new PatientGradingProcessor(
            new ToxicityGrader(ZoneId.of("UTC")),
            clock,
            new SimpleMeterRegistry(),
            serdes,
            new ImmediateStateWrites(clock));

    @BeforeEach
    void initialise() {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        processor.init(context);
    }

    @AfterEach
    void close() {
        processor.close();
        store.close();
    }

    @Test
    void anEventProcessedAgainAfterARevivalIsGradedAgainstTheRestoredState() {
        process(ClinicalEvents.anAncOf(PATIENT, "0.3"));
        assertThat(neutrophilGrades()).containsExactly(4);
        PatientState committed = store.get(PATIENT);

        LabResultRecorded recovery =
                ClinicalEvents.anAncOf(PATIENT, "2.5", ClinicalEvents.MORNING_DRAW.plus(Duration.ofDays(1)));
        process(recovery);
        assertThat(neutrophilGrades()).containsExactly(0);

        // The transaction that held the recovery aborts: the task is closed dirty, its store restored from the
        // changelog (which holds the committed state only), the task initialised again and the recovery re-read.
        processor.close();
        store.put(PATIENT, committed);
        processor.init(context);
        process(recovery);

        assertThat(neutrophilGrades())
                .as("the restored state still publishes grade 4, so the recovery is published again")
                .containsExactly(0);
    }

    @Test
    void aStateTheStoreRefusedIsNotServedToTheNextEvent() {
        process(ClinicalEvents.anAncOf(PATIENT, "0.3"));
        assertThat(neutrophilGrades()).containsExactly(4);

        // A lone surrogate cannot be written to the store: the recovery is dead-lettered, and grade 4 stands.
        LabResultRecorded unwritable =
                ClinicalEvents.anAncOf(PATIENT, "2.5", ClinicalEvents.MORNING_DRAW.plus(Duration.ofDays(1)));
        process(withSourceMessageId(unwritable, "msg-\uD800"));
        assertThat(outputTopics()).containsExactly(Topics.LAB_RESULTS_DLT);

        process(ClinicalEvents.anAncOf(PATIENT, "2.5", ClinicalEvents.MORNING_DRAW.plus(Duration.ofDays(1))));
        assertThat(neutrophilGrades())
                .as("the stored state still publishes grade 4, so the next recovery is published")
                .containsExactly(0);
    }

    private void process(LabResultRecorded result) {
        context.resetForwards();
        processor.process(new Record<>(
                result.patientId(),
                new ClinicalEvent.Lab(result),
                result.observedAt().toEpochMilli()));
    }

    private List<String> outputTopics() {
        return context.forwarded().stream()
                .map(forward -> forward.record().value().topic())
                .toList();
    }

    private List<Integer> neutrophilGrades() {
        var assessments = serdes.assessments().deserializer();
        return context.forwarded().stream()
                .map(forward -> forward.record().value())
                .filter(output -> output.topic().equals(Topics.ASSESSMENTS))
                .map(output -> assessments.deserialize(Topics.ASSESSMENTS, output.value()))
                .filter(assessment -> assessment.criterion() == Criterion.NEUTROPHIL_COUNT_DECREASED)
                .map(ToxicityAssessed::grade)
                .toList();
    }

    private static LabResultRecorded withSourceMessageId(LabResultRecorded result, String sourceMessageId) {
        return new LabResultRecorded(
                result.eventId(),
                result.patientId(),
                result.observedAt(),
                result.receivedAt(),
                result.sourceSystem(),
                sourceMessageId,
                result.sourceObservationId(),
                result.loinc(),
                result.value(),
                result.ucumUnit(),
                result.referenceRange(),
                result.status());
    }
}
