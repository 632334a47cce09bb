package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/** The production topology on a TopologyTestDriver: wiring, store and dead letters. Thresholds are tested in the domain. */
class MonitoringTopologyTest {

    private static final Instant COLLECTED = Instant.parse("2026-11-20T08:00:00Z");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("UTC")), serdes, meterRegistry);
    private final TestInputTopic<String, LabResultRecorded> labs = driver.createInputTopic(
            Topics.LAB_RESULTS, new StringSerializer(), serdes.labResults().serializer());
    private final TestOutputTopic<String, ToxicityAssessed> assessments = driver.createOutputTopic(
            Topics.ASSESSMENTS, new StringDeserializer(), serdes.assessments().deserializer());

    @AfterEach
    void close() {
        driver.close();
    }

    /** Alerting's grading-freshness check watches these topics for this application; one missed is one unwatched. */
    @Test
    void gradesFromExactlyTheClinicalInputTopics() {
        var builder = new StreamsBuilder();
        new MonitoringTopology(
                        new ToxicityGrader(ZoneId.of("UTC")),
                        serdes,
                        Clock.fixed(TopologyDrivers.PRODUCED_AT, ZoneOffset.UTC),
                        meterRegistry)
                .addTo(builder);

        var sources = builder.build().describe().subtopologies().stream()
                .flatMap(subtopology -> subtopology.nodes().stream())
                .filter(node -> node instanceof TopologyDescription.Source)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                .filter(topic -> !topic.contains("-repartition") && !topic.contains("-changelog"))
                .toList();

        assertThat(sources).containsExactlyInAnyOrderElementsOf(Topics.CLINICAL_INPUTS);
    }

    @Test
    void anAncOfZeroPointFourIsPublishedAsGradeFourWithItsEvidenceAndKeptInThePatientStore() {
        var anc = anAnc("MRN-1", "0.4", COLLECTED);

        labs.pipeInput("MRN-1", anc);

        var published = assessments.readKeyValuesToList();
        assertThat(published).extracting(kv -> kv.key).containsOnly("MRN-1");
        var neutrophils = published.stream()
                .map(kv -> kv.value)
                .filter(a -> a.criterion() == Criterion.NEUTROPHIL_COUNT_DECREASED)
                .findFirst()
                .orElseThrow();
        assertThat(neutrophils.grade()).isEqualTo(4);
        assertThat(neutrophils.criterionId()).isEqualTo("CTCAE-5.0/neutrophil_count_decreased");
        assertThat(neutrophils.evidence()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(anc.eventId());
            assertThat(e.value()).isEqualByComparingTo("0.4");
            assertThat(e.sourceMessageId()).isEqualTo("lab-42");
        });
        assertThat(neutrophils.assessedAt()).isEqualTo(COLLECTED);
        assertThat(neutrophils.receivedAt())
                .as("receipt of the result that produced it, for the receipt-to-alert delay")
                .isEqualTo(anc.receivedAt());
        assertThat(neutrophils.catalogueVersion()).isNotBlank();
        assertThat(driver.getKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE)
                        .get("MRN-1"))
                .isNotNull();
    }

    @Test
    void anUnchangedGradeIsNotPublishedAgainButAChangeIsWithThePreviousGrade() {
        labs.pipeInput("MRN-1", anAnc("MRN-1", "0.4", COLLECTED));
        assessments.readValuesToList();

        labs.pipeInput("MRN-1", anAnc("MRN-1", "0.3", COLLECTED.plusSeconds(3600)));
        assertThat(assessments.readValuesToList()).isEmpty();

        labs.pipeInput("MRN-1", anAnc("MRN-1", "1.2", COLLECTED.plusSeconds(7200)));
        assertThat(assessments.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.grade()).isEqualTo(2);
            assertThat(a.previousGrade()).isEqualTo(4);
        });
    }

    /** Routing to the dead-letter topic itself is checked on a real broker (EndToEndIT): the test driver drops it. */
    @Test
    void aRecordThatIsNotJsonIsCountedAndTheStreamGoesOn() {
        TestInputTopic<String, byte[]> raw =
                driver.createInputTopic(Topics.LAB_RESULTS, new StringSerializer(), new ByteArraySerializer());

        raw.pipeInput("MRN-2", "not json".getBytes(StandardCharsets.UTF_8));
        labs.pipeInput("MRN-2", anAnc("MRN-2", "0.4", COLLECTED));

        assertThat(meterRegistry
                        .counter("toxwatch.monitoring.poison.records", "topic", Topics.LAB_RESULTS)
                        .count())
                .isEqualTo(1.0);
        assertThat(assessments.readValuesToList())
                .extracting(ToxicityAssessed::patientId)
                .contains("MRN-2");
    }

    @Test
    void aNeurologicalAssessmentWithAnIceScoreAboveTenIsAPoisonRecordOfItsTopic() {
        TestInputTopic<String, byte[]> raw =
                driver.createInputTopic(Topics.NEURO_ASSESSMENTS, new StringSerializer(), new ByteArraySerializer());
        var iceOf11 = """
                {"eventId":"0f8e2d64-3b1a-4c5d-9e7f-1a2b3c4d5e6f","patientId":"MRN-3",
                 "observedAt":"2026-11-16T10:00:00Z","receivedAt":"2026-11-16T10:05:00Z",
                 "sourceSystem":"charting","sourceMessageId":"neuro-1","iceScore":11,"status":"FINAL"}
                """;

        raw.pipeInput("MRN-3", iceOf11.getBytes(StandardCharsets.UTF_8));
        labs.pipeInput("MRN-3", anAnc("MRN-3", "0.4", COLLECTED));

        assertThat(meterRegistry
                        .counter("toxwatch.monitoring.poison.records", "topic", Topics.NEURO_ASSESSMENTS)
                        .count())
                .isEqualTo(1.0);
        assertThat(assessments.readValuesToList())
                .extracting(ToxicityAssessed::patientId)
                .containsOnly("MRN-3");
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
