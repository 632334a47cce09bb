package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.PatientGradesSnapshot;
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
    static final Duration OVERDUE_CHECK_INTERVAL = Duration.ofMinutes(5);
    /** The cause named on an assessment the periodic check published: the check and its time. */
    static final String OVERDUE_CHECK_SOURCE = "overdue-check@";

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
        // Wall-clock time, not stream time: an overdue result is the absence of an event, and stream time only
        // moves when events arrive, so a quiet night (exactly when a missing ANC matters) would never be checked.
        context.schedule(OVERDUE_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::checkOverdueResults);
    }

    /** Re-judges every patient of this task for results that have not come, and publishes what changed. */
    private void checkOverdueResults(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        var changedStates = new ArrayList<KeyValue<String, PatientState>>();
        try (KeyValueIterator<String, PatientState> all = states.all()) {
            while (all.hasNext()) {
                KeyValue<String, PatientState> entry = all.next();
                var reassessment = grader.reassessOverdue(entry.value, now);
                if (reassessment.changed().isEmpty()) {
                    continue;
                }
                changedStates.add(KeyValue.pair(entry.key, reassessment.state()));
                for (Assessment assessment : reassessment.changed()) {
                    PublishedGrade previous = entry.value.publishedGrade(assessment.criterion());
                    context.forward(new Record<>(
                            entry.key,
                            GradingOutput.assessed(toEvent(
                                    entry.key,
                                    assessment,
                                    previous == null ? null : previous.grade(),
                                    OVERDUE_CHECK_SOURCE + now)),
                            wallClockMillis));
                }
                context.forward(new Record<>(
                        entry.key,
                        GradingOutput.snapshot(snapshotOf(entry.key, reassessment.state())),
                        wallClockMillis));
            }
        }
        changedStates.forEach(entry -> states.put(entry.key, entry.value));
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
        if (!reassessment.changed().isEmpty()) {
            context.forward(record.withValue(GradingOutput.snapshot(snapshotOf(patientId, reassessment.state()))));
        }
    }

    /** Every grade the patient has now, for the compacted topic: the newest snapshot per patient is kept. */
    private PatientGradesSnapshot snapshotOf(String patientId, PatientState state) {
        var grades = state.publishedGrades().entrySet().stream()
                .map(entry -> {
                    Criterion criterion = Criterion.valueOf(entry.getKey());
                    return new PatientGradesSnapshot.CurrentGrade(
                            criterion,
                            criterion.id(),
                            entry.getValue().grade(),
                            entry.getValue().assessedAt());
                })
                .sorted(Comparator.comparing(PatientGradesSnapshot.CurrentGrade::criterion))
                .toList();
        return new PatientGradesSnapshot(
                UUID.randomUUID(), patientId, clock.instant(), CriteriaCatalogue.VERSION, grades);
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
                jsonMapper.writeValueAsString(event.event()));
    }

    private static String sourceTopicOf(ClinicalEvent event) {
        return switch (event) {
            case ClinicalEvent.Lab lab -> Topics.LAB_RESULTS;
            case ClinicalEvent.Vitals vitals -> Topics.VITAL_SIGNS;
            case ClinicalEvent.Therapy therapy -> Topics.THERAPY_EVENTS;
            case ClinicalEvent.Neuro neuro -> Topics.NEURO_ASSESSMENTS;
        };
    }
}
