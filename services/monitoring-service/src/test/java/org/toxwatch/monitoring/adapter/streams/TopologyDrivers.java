package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.PatientGradesSnapshot;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/** A TopologyTestDriver running the production topology with the production dead-letter settings. */
final class TopologyDrivers {

    /** The topology's clock: after every clinical time the tests use, which may not lie in its future. */
    static final Instant PRODUCED_AT = Instant.parse("2028-01-01T09:00:00Z");

    static TopologyTestDriver driverFor(ToxicityGrader grader, MonitoringSerdes serdes, MeterRegistry meterRegistry) {
        return driverFor(grader, serdes, meterRegistry, Instant.now());
    }

    /** A driver whose mocked wall clock starts at {@code wallClock} (for the wall-clock punctuation). */
    static TopologyTestDriver driverFor(
            ToxicityGrader grader, MonitoringSerdes serdes, MeterRegistry meterRegistry, Instant wallClock) {
        var builder = new StreamsBuilder();
        new MonitoringTopology(grader, serdes, Clock.fixed(PRODUCED_AT, ZoneOffset.UTC), meterRegistry).addTo(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitoring");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.putAll(PoisonRecordDeadLetters.streamsSettings(meterRegistry));
        return new TopologyTestDriver(builder.build(), config, wallClock);
    }

    static TestInputTopic<String, LabResultRecorded> labResults(TopologyTestDriver driver, MonitoringSerdes serdes) {
        return driver.createInputTopic(
                Topics.LAB_RESULTS, new StringSerializer(), serdes.labResults().serializer());
    }

    static TestInputTopic<String, VitalSignsRecorded> vitalSigns(TopologyTestDriver driver, MonitoringSerdes serdes) {
        return driver.createInputTopic(
                Topics.VITAL_SIGNS, new StringSerializer(), serdes.vitalSigns().serializer());
    }

    static TestInputTopic<String, TherapyEventRecorded> therapyEvents(
            TopologyTestDriver driver, MonitoringSerdes serdes) {
        return driver.createInputTopic(
                Topics.THERAPY_EVENTS,
                new StringSerializer(),
                serdes.therapyEvents().serializer());
    }

    static TestInputTopic<String, NeurologicAssessmentRecorded> neuroAssessments(
            TopologyTestDriver driver, MonitoringSerdes serdes) {
        return driver.createInputTopic(
                Topics.NEURO_ASSESSMENTS,
                new StringSerializer(),
                serdes.neuroAssessments().serializer());
    }

    static TestInputTopic<String, PatientRecorded> patients(TopologyTestDriver driver, MonitoringSerdes serdes) {
        return driver.createInputTopic(
                Topics.PATIENTS, new StringSerializer(), serdes.patients().serializer());
    }

    static TestOutputTopic<String, ToxicityAssessed> assessments(TopologyTestDriver driver, MonitoringSerdes serdes) {
        return driver.createOutputTopic(
                Topics.ASSESSMENTS,
                new StringDeserializer(),
                serdes.assessments().deserializer());
    }

    static TestOutputTopic<String, PatientGradesSnapshot> patientGrades(
            TopologyTestDriver driver, MonitoringSerdes serdes) {
        return driver.createOutputTopic(
                Topics.PATIENT_GRADES,
                new StringDeserializer(),
                serdes.patientGrades().deserializer());
    }

    private TopologyDrivers() {}
}
