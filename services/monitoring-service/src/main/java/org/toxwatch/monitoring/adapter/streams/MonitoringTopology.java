package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.toxwatch.model.Topics;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * The monitoring topology: the four clinical input topics, merged per patient (all are keyed by patient id
 * and co-partitioned), folded into a persistent per-patient state and graded; changed assessments go to
 * {@link Topics#ASSESSMENTS}, events the domain rejects to the dead-letter topic of their input topic.
 */
public final class MonitoringTopology {

    public static final String PATIENT_STATE_STORE = "patient-state-store";
    public static final String GRADE_PROCESSOR = "grade-patient";

    private static final Serde<String> KEYS = Serdes.String();

    private final ToxicityGrader grader;
    private final MonitoringSerdes serdes;
    private final Clock clock;
    private final MeterRegistry meterRegistry;

    public MonitoringTopology(
            ToxicityGrader grader, MonitoringSerdes serdes, Clock clock, MeterRegistry meterRegistry) {
        this.grader = grader;
        this.serdes = serdes;
        this.clock = clock;
        this.meterRegistry = meterRegistry;
    }

    public void addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PATIENT_STATE_STORE), KEYS, serdes.patientState()));

        var clinicalTime = new ClinicalTimeExtractor();
        KStream<String, ClinicalEvent> labs = builder.stream(
                        Topics.LAB_RESULTS,
                        Consumed.with(KEYS, serdes.labResults())
                                .withTimestampExtractor(clinicalTime)
                                .withName("lab-results"))
                .mapValues(ClinicalEvent.Lab::new, Named.as("lab-as-clinical-event"));
        KStream<String, ClinicalEvent> vitals = builder.stream(
                        Topics.VITAL_SIGNS,
                        Consumed.with(KEYS, serdes.vitalSigns())
                                .withTimestampExtractor(clinicalTime)
                                .withName("vital-signs"))
                .mapValues(ClinicalEvent.Vitals::new, Named.as("vitals-as-clinical-event"));
        KStream<String, ClinicalEvent> therapy = builder.stream(
                        Topics.THERAPY_EVENTS,
                        Consumed.with(KEYS, serdes.therapyEvents())
                                .withTimestampExtractor(clinicalTime)
                                .withName("therapy-events"))
                .mapValues(ClinicalEvent.Therapy::new, Named.as("therapy-as-clinical-event"));
        KStream<String, ClinicalEvent> neuro = builder.stream(
                        Topics.NEURO_ASSESSMENTS,
                        Consumed.with(KEYS, serdes.neuroAssessments())
                                .withTimestampExtractor(clinicalTime)
                                .withName("neuro-assessments"))
                .mapValues(ClinicalEvent.Neuro::new, Named.as("neuro-as-clinical-event"));

        labs.merge(vitals, Named.as("merge-vitals"))
                .merge(therapy, Named.as("merge-therapy"))
                .merge(neuro, Named.as("merge-neuro"))
                .process(
                        () -> new PatientGradingProcessor(grader, clock, meterRegistry, serdes.jsonMapper()),
                        Named.as(GRADE_PROCESSOR),
                        PATIENT_STATE_STORE)
                .split(Named.as("grading-"))
                .branch(
                        (patientId, output) -> output.isDeadLetter(),
                        Branched.withConsumer(
                                deadLetters -> deadLetters
                                        .mapValues(GradingOutput::deadLetter, Named.as("dead-letter-value"))
                                        .to(
                                                (patientId, rejected, context) ->
                                                        Topics.deadLetterTopicOf(rejected.targetTopic()),
                                                Produced.with(KEYS, serdes.deadLetters())
                                                        .withName("dead-letters")),
                                "dead-letters"))
                .branch(
                        (patientId, output) -> output.isSnapshot(),
                        Branched.withConsumer(
                                snapshots -> snapshots
                                        .mapValues(GradingOutput::grades, Named.as("grades-value"))
                                        .to(
                                                Topics.PATIENT_GRADES,
                                                Produced.with(KEYS, serdes.patientGrades())
                                                        .withName("patient-grades")),
                                "patient-grades"))
                .defaultBranch(Branched.withConsumer(
                        assessed -> assessed.mapValues(GradingOutput::assessment, Named.as("assessment-value"))
                                .to(
                                        Topics.ASSESSMENTS,
                                        Produced.with(KEYS, serdes.assessments())
                                                .withName("assessments")),
                        "assessments"));
    }
}
