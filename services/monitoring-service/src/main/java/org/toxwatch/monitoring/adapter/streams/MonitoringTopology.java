package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.toxwatch.model.Topics;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * The monitoring topology: the clinical input topics (labs, vital signs, therapy events, neurological
 * assessments, clinician findings, planned doses and patient records), merged per patient (all are keyed by patient id and
 * co-partitioned), folded into a persistent per-patient state and graded; changed assessments go to
 * {@link Topics#ASSESSMENTS} and the patient's grades to {@link Topics#PATIENT_GRADES}; an event that cannot be
 * graded goes to the dead-letter topic of its input topic, and the stream goes on.
 */
public final class MonitoringTopology {

    public static final String PATIENT_STATE_STORE = "patient-state-store";
    public static final String GRADE_PROCESSOR = "grade-patient";

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serializer<GradingOutput> WRITTEN = (topic, output) -> output.value();

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
        // A patient's events come in runs (a lab panel, a backlog): each state is serialized once per commit
        // (StatesWrittenAtCommit), and the record cache beneath writes it to RocksDB and its changelog once per
        // commit, inside the same transaction, instead of once per event.
        var immediateWrites = new ImmediateStateWrites(clock);
        builder.addStateStore(StatesWrittenAtCommit.builder(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(PATIENT_STATE_STORE), KEYS, serdes.patientState())
                        .withCachingEnabled(),
                immediateWrites));

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
        KStream<String, ClinicalEvent> findings = builder.stream(
                        Topics.CLINICAL_FINDINGS,
                        Consumed.with(KEYS, serdes.clinicalFindings())
                                .withTimestampExtractor(clinicalTime)
                                .withName("clinical-findings"))
                .mapValues(ClinicalEvent.Finding::new, Named.as("finding-as-clinical-event"));
        KStream<String, ClinicalEvent> plans = builder.stream(
                        Topics.DOSE_PLANS,
                        Consumed.with(KEYS, serdes.dosePlans())
                                .withTimestampExtractor(clinicalTime)
                                .withName("dose-plans"))
                .mapValues(ClinicalEvent.Plan::new, Named.as("plan-as-clinical-event"));

        KStream<String, ClinicalEvent> patients = builder.stream(
                        Topics.PATIENTS,
                        Consumed.with(KEYS, serdes.patients())
                                .withTimestampExtractor(clinicalTime)
                                .withName("patients"))
                .mapValues(ClinicalEvent.Patient::new, Named.as("patient-as-clinical-event"));

        labs.merge(vitals, Named.as("merge-vitals"))
                .merge(therapy, Named.as("merge-therapy"))
                .merge(neuro, Named.as("merge-neuro"))
                .merge(findings, Named.as("merge-findings"))
                .merge(plans, Named.as("merge-dose-plans"))
                .merge(patients, Named.as("merge-patients"))
                .process(
                        () -> new PatientGradingProcessor(grader, clock, meterRegistry, serdes, immediateWrites),
                        Named.as(GRADE_PROCESSOR),
                        PATIENT_STATE_STORE)
                // The processor has written every output already (see GradingOutputs): the sink only sends bytes.
                .to(
                        (patientId, output, context) -> output.topic(),
                        Produced.with(KEYS, Serdes.serdeFrom(WRITTEN, (topic, bytes) -> null))
                                .withName("grading-outputs"));
    }
}
