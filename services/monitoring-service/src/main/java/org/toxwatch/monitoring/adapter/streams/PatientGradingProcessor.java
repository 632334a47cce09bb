package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.PatientGradesSnapshot;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.CriteriaCatalogue;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.PublishedGrade;
import org.toxwatch.monitoring.domain.SourceCorrection;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Folds each event into the patient's state, re-grades, stores the state and emits the assessments whose
 * grade changed. An event that fails at any {@link GradingStage} becomes a dead letter of its input topic, with
 * the stage as its reason; the stream never stops on it.
 */
final class PatientGradingProcessor implements Processor<String, ClinicalEvent, String, GradingOutput> {

    private static final Logger log = LoggerFactory.getLogger(PatientGradingProcessor.class);
    static final String SOURCE_SYSTEM = "monitoring";
    static final Duration OVERDUE_CHECK_INTERVAL = Duration.ofMinutes(5);
    /** The cause named on an assessment the periodic check published: the check and its time. */
    static final String OVERDUE_CHECK_SOURCE = "overdue-check@";
    /** The cause named on an assessment made again because the patient's record was removed (a tombstone). */
    static final String PATIENT_RECORD_REMOVED = "patient-record-removed";

    /** Before this, a clinical time is a typing error, not a result ToxWatch can place in a course. */
    static final Instant EARLIEST_CLINICAL_TIME = Instant.parse("1900-01-01T00:00:00Z");
    /** Ingest allows minutes of clock skew; anything this far ahead would corrupt the patient's course. */
    static final Duration LATEST_CLINICAL_TIME_AHEAD = Duration.ofDays(1);
    /**
     * An event written as more than this (far more than any ordinary result) has its state written at once: a
     * few such events would otherwise be able to take a state past the changelog's limit between two commits.
     */
    static final int VOUCHED_EVENT_BYTES = 16 * 1024;

    private final ToxicityGrader grader;
    private final Clock clock;
    private final MeterRegistry meterRegistry;
    private final JsonMapper jsonMapper;
    private final GradingOutputs outputs;
    private final ImmediateStateWrites immediateWrites;
    private ProcessorContext<String, GradingOutput> context;
    private CachedPatientStates states;

    PatientGradingProcessor(
            ToxicityGrader grader,
            Clock clock,
            MeterRegistry meterRegistry,
            MonitoringSerdes serdes,
            ImmediateStateWrites immediateWrites) {
        // One processor per task, run by one thread at a time: its grader may keep the readings of the last patients.
        this.grader = grader.withRecentReadings();
        this.immediateWrites = immediateWrites;
        this.jsonMapper = serdes.jsonMapper();
        this.clock = clock;
        this.meterRegistry = meterRegistry;
        this.outputs = new GradingOutputs(serdes);
    }

    @Override
    public void init(ProcessorContext<String, GradingOutput> context) {
        this.context = context;
        // A new cache on every init: a task revived after an aborted transaction has had its store restored from
        // the changelog, and nothing cached before may be served again.
        this.states = new CachedPatientStates(context.getStateStore(MonitoringTopology.PATIENT_STATE_STORE));
        // Wall-clock time, not stream time: an overdue result is the absence of an event, and stream time only
        // moves when events arrive, so a quiet night (exactly when a missing ANC matters) would never be checked.
        context.schedule(OVERDUE_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::checkOverdueResults);
    }

    /**
     * Re-judges every patient of this task for results that have not come, and publishes what changed. A patient
     * whose state cannot be read, judged or written is counted and left as it was; the others are still checked.
     */
    private void checkOverdueResults(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        var changed = new ArrayList<OverdueChange>();
        try (KeyValueIterator<String, PatientState> all = states.all()) {
            while (all.hasNext()) {
                try {
                    // next() has moved on before it reads the value, so an unreadable state is skipped.
                    KeyValue<String, PatientState> entry = all.next();
                    OverdueChange change = overdueChange(entry.key, entry.value, now);
                    if (change != null) {
                        changed.add(change);
                    }
                } catch (RuntimeException e) {
                    overdueCheckFailed(e);
                }
            }
        }
        for (OverdueChange change : changed) {
            try {
                states.put(change.patientId(), change.state());
            } catch (RuntimeException e) {
                overdueCheckFailed(e);
                continue;
            }
            change.outputs()
                    .forEach(output -> context.forward(new Record<>(change.patientId(), output, wallClockMillis)));
        }
    }

    private @Nullable OverdueChange overdueChange(String patientId, PatientState state, Instant now) {
        var reassessment = grader.reassessOverdue(state, now);
        if (reassessment.changed().isEmpty()) {
            return null;
        }
        var written = new ArrayList<GradingOutput>();
        for (Assessment assessment : reassessment.changed()) {
            PublishedGrade previous = state.publishedGrade(assessment.criterion());
            written.add(outputs.assessment(toEvent(
                    patientId,
                    assessment,
                    previous == null ? null : previous.grade(),
                    OVERDUE_CHECK_SOURCE + now,
                    null,
                    null)));
        }
        written.add(outputs.grades(snapshotOf(patientId, reassessment.state())));
        return new OverdueChange(patientId, reassessment.state(), written);
    }

    private record OverdueChange(String patientId, PatientState state, List<GradingOutput> outputs) {}

    @Override
    public void close() {
        // Closed on revocation and before a revival (a dirty close under exactly-once): drop what was cached.
        if (states != null) {
            states.clear();
        }
    }

    private void overdueCheckFailed(RuntimeException e) {
        log.warn(
                "The overdue-result check skipped one stored state: {}",
                e.getClass().getSimpleName());
        meterRegistry.counter("toxwatch.monitoring.overdue.check.failures").increment();
    }

    @Override
    public void process(Record<String, ClinicalEvent> record) {
        try {
            grade(record);
        } catch (GradingFailure failure) {
            deadLetter(record, failure);
        }
    }

    /**
     * Everything that can fail for one event happens before anything is stored or sent: the outputs are written
     * first, then the state, then the outputs are forwarded. A failure at any stage leaves the patient's state as it
     * was and affects no other patient. The store writes a state at the commit ({@link StatesWrittenAtCommit}); one
     * this processor cannot vouch for (see {@link #vouchesFor}) is written at once, inside {@code put}, so that if it
     * cannot be written its event fails here, alone.
     */
    private void grade(Record<String, ClinicalEvent> record) {
        String patientId = record.key();
        ClinicalEvent event = record.value();
        if (event instanceof ClinicalEvent.Patient patient && patient.event() == null && patientId != null) {
            forgetDemographics(record, patientId);
            return;
        }
        checkEvent(patientId, event);
        PatientState before = at(GradingStage.READING_STATE, () -> states.get(patientId));
        PatientState known = before == null ? PatientState.empty(patientId) : before;
        SourceCorrection correction = at(GradingStage.APPLYING, () -> SourceCorrection.of(known, event));
        PatientState applied = at(GradingStage.APPLYING, () -> event.applyTo(known));
        if (event instanceof ClinicalEvent.Patient && applied == known) {
            // An admission, transfer or name change: nothing grading reads has changed, so nothing is re-graded.
            return;
        }
        regrade(record, patientId, applied, correction, event.sourceMessageId(), event.receivedAt(), vouchesFor(event));
    }

    /**
     * Whether a state that folded {@code event} in can wait for the commit: the event can be written as stored
     * states are written, and is small, so it cannot take a state that was written before near the changelog's
     * limit on its own.
     */
    private static boolean vouchesFor(ClinicalEvent event) {
        return PatientStateSerde.writesWithin(event.event(), VOUCHED_EVENT_BYTES);
    }

    /**
     * A tombstone on the compacted patients topic: the patient's record was removed (an erasure, a merge), so the
     * birth date and sex are forgotten too, and the patient is graded again without them. A state left with nothing
     * else is removed.
     */
    private void forgetDemographics(Record<String, ClinicalEvent> record, String patientId) {
        PatientState known = at(GradingStage.READING_STATE, () -> states.get(patientId));
        if (known == null) {
            return;
        }
        PatientState forgotten = known.withoutDemographics();
        if (forgotten == known) {
            return;
        }
        if (forgotten.newestEventTime() == null && forgotten.publishedGrades().isEmpty()) {
            at(GradingStage.WRITING_STATE, () -> states.delete(patientId));
            return;
        }
        // Forgetting only shrinks the state: it can wait for the commit.
        regrade(record, patientId, forgotten, null, PATIENT_RECORD_REMOVED, null, true);
    }

    /**
     * Grades {@code applied}, writes the changed assessments and the state, then forwards what it wrote. A state the
     * processor does not vouch for is written at once.
     */
    private void regrade(
            Record<String, ClinicalEvent> record,
            String patientId,
            PatientState applied,
            @Nullable SourceCorrection correction,
            String sourceMessageId,
            @Nullable Instant receivedAt,
            boolean vouched) {
        var reassessment = at(GradingStage.GRADING, () -> grader.reassess(applied, correction));
        List<GradingOutput> written = at(GradingStage.WRITING_OUTPUT, () -> {
            var forEvent = new ArrayList<GradingOutput>();
            for (Assessment assessment : reassessment.changed()) {
                PublishedGrade previous = applied.publishedGrade(assessment.criterion());
                forEvent.add(outputs.assessment(toEvent(
                        patientId,
                        assessment,
                        previous == null ? null : previous.grade(),
                        sourceMessageId,
                        reassessment.withdrawalOf(assessment.criterion()),
                        receivedAt)));
            }
            if (!reassessment.changed().isEmpty()) {
                forEvent.add(outputs.grades(snapshotOf(patientId, reassessment.state())));
            }
            return forEvent;
        });
        at(GradingStage.WRITING_STATE, () -> {
            if (!vouched) {
                immediateWrites.nextWriteOf(patientId);
            }
            states.put(patientId, reassessment.state());
            return null;
        });
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
        }
        written.forEach(output -> context.forward(record.withValue(output)));
    }

    /** What the topics do not guarantee: ingest checks all of it, but anything may write to an input topic. */
    private void checkEvent(@Nullable String patientId, ClinicalEvent event) {
        if (event.event() == null) {
            throw new GradingFailure(GradingStage.CHECKING_EVENT, "the record has no value");
        }
        if (patientId == null || !patientId.equals(event.event().patientId())) {
            throw new GradingFailure(GradingStage.CHECKING_EVENT, "the record key is not the event's patient id");
        }
        if (!ClinicalNumbers.plausible(event.event())) {
            throw new GradingFailure(
                    GradingStage.CHECKING_EVENT,
                    "a number has more than " + ClinicalNumbers.LARGEST_INTEGER_DIGITS + " integer digits or "
                            + ClinicalNumbers.MOST_DECIMALS + " decimals");
        }
        Instant eventTime = event.eventTime();
        if (eventTime == null
                || eventTime.isBefore(EARLIEST_CLINICAL_TIME)
                || eventTime.isAfter(clock.instant().plus(LATEST_CLINICAL_TIME_AHEAD))) {
            throw new GradingFailure(
                    GradingStage.CHECKING_EVENT,
                    "the clinical time is outside " + EARLIEST_CLINICAL_TIME + " to "
                            + LATEST_CLINICAL_TIME_AHEAD.toDays() + " days from now");
        }
        if (event instanceof ClinicalEvent.Patient patient && !plausibleBirthDate(patient.event())) {
            throw new GradingFailure(
                    GradingStage.CHECKING_EVENT,
                    "the birth date is before " + EARLIEST_CLINICAL_TIME + " or after the record's time");
        }
    }

    /** A birth date after the record that states it would give every later assessment a wrong age. */
    private static boolean plausibleBirthDate(PatientRecorded patient) {
        LocalDate birthDate = patient.birthDate();
        if (birthDate == null) {
            return true;
        }
        // Any zone's calendar date is at most one day ahead of UTC's.
        LocalDate latest =
                LocalDate.ofInstant(patient.recordedAt(), ZoneOffset.UTC).plusDays(1);
        return !birthDate.isBefore(LocalDate.ofInstant(EARLIEST_CLINICAL_TIME, ZoneOffset.UTC))
                && !birthDate.isAfter(latest);
    }

    private static <T> T at(GradingStage stage, Supplier<T> step) {
        try {
            return step.get();
        } catch (GradingFailure failure) {
            throw failure;
        } catch (RuntimeException e) {
            throw new GradingFailure(stage, e);
        }
    }

    private void deadLetter(Record<String, ClinicalEvent> record, GradingFailure failure) {
        ClinicalEvent event = record.value();
        String sourceTopic = sourceTopicOf(event);
        log.warn("An event from {} goes to the dead-letter topic: {}", sourceTopic, failure.reason());
        meterRegistry
                .counter(
                        "toxwatch.monitoring.dead.letters",
                        "stage",
                        failure.stage().tag())
                .increment();
        GradingOutput deadLetter;
        try {
            deadLetter = outputs.deadLetter(deadLetterOf(event, sourceTopic, failure.reason(), payloadOf(event)));
        } catch (RuntimeException e) {
            // The payload itself could not be written: the reason still reaches the dead-letter topic.
            deadLetter = outputs.deadLetter(deadLetterOf(event, sourceTopic, failure.reason(), ""));
        }
        context.forward(record.withValue(deadLetter));
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
            String patientId,
            Assessment assessment,
            @Nullable Integer previousGrade,
            String sourceMessageId,
            SourceCorrection.@Nullable Withdrawal withdrawal,
            @Nullable Instant receivedAt) {
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
                withdrawal == null ? assessment.summary() : withdrawal.explain(assessment.summary()),
                assessment.thresholds(),
                assessment.evidence(),
                assessment.labOnlyGrading(),
                assessment.referenceRangeSource(),
                assessment.therapyContext(),
                CriteriaCatalogue.VERSION,
                SOURCE_SYSTEM,
                sourceMessageId,
                withdrawal == null ? assessment.caveats() : withdrawal.addedTo(assessment.caveats()),
                withdrawal == null ? List.of() : withdrawal.withdrawnEvidence(),
                receivedAt);
    }

    private RejectedInput deadLetterOf(ClinicalEvent event, String sourceTopic, String reason, String payload) {
        return new RejectedInput(
                UUID.randomUUID(),
                clock.instant(),
                "KAFKA",
                SOURCE_SYSTEM,
                event.event() == null ? null : String.valueOf(event.eventId()),
                sourceTopic,
                List.of(reason),
                payload);
    }

    private String payloadOf(ClinicalEvent event) {
        return event.event() == null ? "" : jsonMapper.writeValueAsString(event.event());
    }

    private static String sourceTopicOf(ClinicalEvent event) {
        return switch (event) {
            case ClinicalEvent.Lab lab -> Topics.LAB_RESULTS;
            case ClinicalEvent.Vitals vitals -> Topics.VITAL_SIGNS;
            case ClinicalEvent.Therapy therapy -> Topics.THERAPY_EVENTS;
            case ClinicalEvent.Neuro neuro -> Topics.NEURO_ASSESSMENTS;
            case ClinicalEvent.Finding finding -> Topics.CLINICAL_FINDINGS;
            case ClinicalEvent.Plan plan -> Topics.DOSE_PLANS;
            case ClinicalEvent.Patient patient -> Topics.PATIENTS;
        };
    }
}
