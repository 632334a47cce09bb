package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.CriteriaCatalogue;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.PublishedGrade;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Folds each event into the patient's state, re-grades, stores the state and emits the assessments whose
 * grade changed. An event the domain cannot apply becomes a dead letter; the stream never stops on it.
 */
final class PatientGradingProcessor implements Processor<String, ClinicalEvent, String, GradingOutput> {

    private static final Logger log = LoggerFactory.getLogger(PatientGradingProcessor.class);
    static final String SOURCE_SYSTEM = "monitoring";

    private final ToxicityGrader grader;
    private final Clock clock;
    private final Counter deadLetters;
    private final MeterRegistry meterRegistry;
    private final JsonMapper jsonMapper;
    private ProcessorContext<String, GradingOutput> context;
    private KeyValueStore<String, PatientState> states;

    PatientGradingProcessor(ToxicityGrader grader, Clock clock, MeterRegistry meterRegistry, JsonMapper jsonMapper) {
        this.grader = grader;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.meterRegistry = meterRegistry;
        this.deadLetters = Counter.builder("toxwatch.monitoring.dead.letters")
                .description("Input events the grading engine could not apply")
                .register(meterRegistry);
    }

    @Override
    public void init(ProcessorContext<String, GradingOutput> context) {
        this.context = context;
        this.states = context.getStateStore(MonitoringTopology.PATIENT_STATE_STORE);
    }

    @Override
    public void process(Record<String, ClinicalEvent> record) {
        String patientId = record.key();
        ClinicalEvent event = record.value();
        PatientState before = states.get(patientId);
        PatientState applied;
        try {
            PatientState current = before == null ? PatientState.empty(patientId) : before;
            applied = event.applyTo(current);
        } catch (RuntimeException e) {
            log.warn(
                    "Event {} from {} could not be applied and goes to the dead-letter topic: {}",
                    event.eventId(),
                    sourceTopicOf(event),
                    e.getClass().getSimpleName());
            deadLetters.increment();
            context.forward(record.withValue(GradingOutput.deadLetter(deadLetterOf(event, e))));
            return;
        }
        var reassessment = grader.reassess(applied);
        states.put(patientId, reassessment.state());
        for (Assessment assessment : reassessment.changed()) {
            meterRegistry
                    .counter(
                            "toxwatch.assessments",
                            "criterion",
                            assessment.criterion().name(),
                            "grade",
                            assessment.grade() == null
                                    ? "not_assessable"
                                    : assessment.grade().toString())
                    .increment();
            PublishedGrade previous = applied.publishedGrade(assessment.criterion());
            context.forward(record.withValue(GradingOutput.assessed(toEvent(
                    patientId, assessment, previous == null ? null : previous.grade(), event.sourceMessageId()))));
        }
    }

    private ToxicityAssessed toEvent(
            String patientId, Assessment assessment, @Nullable Integer previousGrade, String sourceMessageId) {
        return new ToxicityAssessed(
                UUID.randomUUID(),
                patientId,
                assessment.assessedAt(),
                clock.instant(),
                assessment.criterion(),
                assessment.criterion().id(),
                assessment.grade(),
                assessment.notAssessableReason(),
                previousGrade,
                assessment.summary(),
                assessment.thresholds(),
                assessment.evidence(),
                assessment.labOnlyGrading(),
                assessment.referenceRangeSource(),
                assessment.therapyContext(),
                CriteriaCatalogue.VERSION,
                SOURCE_SYSTEM,
                sourceMessageId);
    }

    private RejectedInput deadLetterOf(ClinicalEvent event, RuntimeException cause) {
        return new RejectedInput(
                UUID.randomUUID(),
                clock.instant(),
                "KAFKA",
                "monitoring",
                event.eventId().toString(),
                sourceTopicOf(event),
                List.of(cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage())),
                jsonMapper.writeValueAsString(payloadOf(event)));
    }

    private static String sourceTopicOf(ClinicalEvent event) {
        return switch (event) {
            case ClinicalEvent.Lab lab -> Topics.LAB_RESULTS;
            case ClinicalEvent.Vitals vitals -> Topics.VITAL_SIGNS;
            case ClinicalEvent.Therapy therapy -> Topics.THERAPY_EVENTS;
            case ClinicalEvent.Neuro neuro -> Topics.NEURO_ASSESSMENTS;
        };
    }

    private static Object payloadOf(ClinicalEvent event) {
        return switch (event) {
            case ClinicalEvent.Lab lab -> lab.event();
            case ClinicalEvent.Vitals vitals -> vitals.event();
            case ClinicalEvent.Therapy therapy -> therapy.event();
            case ClinicalEvent.Neuro neuro -> neuro.event();
        };
    }
}
