package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Valid wire events for tests, built the same way in every service. The arguments are what a test is about;
 * everything else is plausible filler, and every event gets a fresh {@code eventId}. Thresholds are never
 * chosen here: a test that grades passes its values from {@code CRITERIA.md}.
 */
public final class ClinicalEvents {

    /** LOINC 751-8, Neutrophils [#/volume] in Blood by Automated count (CRITERIA.md 13.1). */
    public static final String ANC = "751-8";

    /** The canonical UCUM unit of blood counts (CRITERIA.md 13.3). */
    public static final String COUNT_UNIT = "10*9/L";

    /** A morning blood draw: the clinical time of the factories that do not take one. */
    public static final Instant MORNING_DRAW = Instant.parse("2026-11-16T05:40:00Z");

    private static final String SOURCE_SYSTEM = "test-source";
    private static final Duration TURNAROUND = Duration.ofHours(1);

    private ClinicalEvents() {}

    /** A patient id no other test uses. */
    public static String anyPatientId() {
        return "p-" + UUID.randomUUID();
    }

    /** A final, normal ANC drawn at {@link #MORNING_DRAW}, for tests that need any lab result. */
    public static LabResultRecorded aLabResult(String patientId) {
        return anAncOf(patientId, "3.2");
    }

    /** A final result without a reference range, so grading falls back to the defaults of CRITERIA.md 13.4. */
    public static LabResultRecorded aLabResult(
            String patientId, String loinc, String value, String unit, Instant observedAt) {
        return aFinalResult(patientId, loinc, new BigDecimal(value), unit, null, observedAt);
    }

    /** A final ANC in 10*9/L, drawn at {@link #MORNING_DRAW}, with the laboratory's range 1.8-7.7. */
    public static LabResultRecorded anAncOf(String patientId, String value) {
        return anAncOf(patientId, value, MORNING_DRAW);
    }

    /** A final ANC in 10*9/L with the laboratory's range 1.8-7.7. */
    public static LabResultRecorded anAncOf(String patientId, String value, Instant observedAt) {
        var range = new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7"));
        return aFinalResult(patientId, ANC, new BigDecimal(value), COUNT_UNIT, range, observedAt);
    }

    /** The laboratory corrects {@code result}: same source observation and collection time, a new value. */
    public static LabResultRecorded aCorrectionOf(LabResultRecorded result, String value) {
        return revisionOf(result, new BigDecimal(value), result.ucumUnit(), ResultStatus.CORRECTED);
    }

    /** The laboratory withdraws {@code result}: same source observation, no value. */
    public static LabResultRecorded aCancellationOf(LabResultRecorded result) {
        return revisionOf(result, null, null, ResultStatus.CANCELLED);
    }

    /** A set of vital signs in which only the body temperature was measured. */
    public static VitalSignsRecorded aTemperature(String patientId, String celsius, Instant at) {
        return new VitalSignsRecorded(
                UUID.randomUUID(),
                patientId,
                at,
                at.plusSeconds(60),
                SOURCE_SYSTEM,
                aMessageId(),
                new BigDecimal(celsius),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ResultStatus.FINAL);
    }

    /**
     * An event of the immunotherapy itself, e.g. {@code (ENROLLED, CAR_T)} or {@code (CAR_T_INFUSED, CAR_T)};
     * use {@link #aSupportiveDrug} for {@code SUPPORTIVE_DRUG_GIVEN}.
     */
    public static TherapyEventRecorded aTherapyEvent(
            String patientId, TherapyEventType type, Therapy therapy, Instant at) {
        return new TherapyEventRecorded(
                UUID.randomUUID(),
                patientId,
                at,
                at.plusSeconds(60),
                SOURCE_SYSTEM,
                aMessageId(),
                type,
                therapy,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A supportive drug given, e.g. tocilizumab; no immunotherapy, dose or vasopressor details. */
    public static TherapyEventRecorded aSupportiveDrug(String patientId, SupportiveDrug drug, Instant at) {
        return new TherapyEventRecorded(
                UUID.randomUUID(),
                patientId,
                at,
                at.plusSeconds(60),
                SOURCE_SYSTEM,
                aMessageId(),
                TherapyEventType.SUPPORTIVE_DRUG_GIVEN,
                null,
                null,
                null,
                null,
                null,
                null,
                drug,
                null,
                null);
    }

    /**
     * A final neurological assessment with the ICE score and level of consciousness given and the other ICANS
     * domains (seizure, motor, ICP) reported as none.
     */
    public static NeurologicAssessmentRecorded aNeurologicAssessment(
            String patientId, @Nullable Integer iceScore, LevelOfConsciousness consciousness, Instant at) {
        return new NeurologicAssessmentRecorded(
                UUID.randomUUID(),
                patientId,
                at,
                at.plusSeconds(300),
                SOURCE_SYSTEM,
                aMessageId(),
                iceScore,
                null,
                consciousness,
                SeizureFinding.NONE,
                MotorFinding.NONE,
                IntracranialPressureFinding.NONE,
                ResultStatus.FINAL);
    }

    /**
     * A graded assessment at {@link #MORNING_DRAW} under the criterion's own id, naming only the threshold
     * that was met and no evidence.
     */
    public static ToxicityAssessed anAssessment(String patientId, Criterion criterion, int grade) {
        return new ToxicityAssessed(
                UUID.randomUUID(),
                patientId,
                MORNING_DRAW,
                MORNING_DRAW.plus(TURNAROUND),
                criterion,
                criterion.id(),
                grade,
                null,
                null,
                criterion.term() + ": grade " + grade,
                List.of(new AppliedThreshold(grade, "the grade " + grade + " condition of " + criterion.id(), true)),
                List.of(),
                false,
                ReferenceRangeSource.NOT_USED,
                null,
                "test",
                "monitoring",
                "lab-" + patientId);
    }

    /** The alert the system raises for {@code assessment}, at the time the assessment was produced. */
    public static AlertChanged anAlertRaisedFor(ToxicityAssessed assessment, AlertPriority priority) {
        return new AlertChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                assessment.patientId(),
                assessment.producedAt(),
                AlertTransition.RAISED,
                AlertStatus.OPEN,
                priority,
                assessment.criterion(),
                assessment.criterion().family(),
                assessment.grade(),
                "toxwatch",
                null,
                assessment.eventId(),
                "alerting",
                assessment.eventId().toString(),
                assessment.criterion(),
                assessment.grade());
    }

    /** A JSON submission ingest refused, on its way to the dead-letter topic of {@code targetTopic}. */
    public static RejectedInput aRejection(String targetTopic, String reason) {
        return new RejectedInput(
                UUID.randomUUID(), MORNING_DRAW, "JSON", SOURCE_SYSTEM, null, targetTopic, List.of(reason), "{}");
    }

    private static LabResultRecorded aFinalResult(
            String patientId,
            String loinc,
            BigDecimal value,
            String unit,
            @Nullable ReferenceRange range,
            Instant observedAt) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                patientId,
                observedAt,
                observedAt.plus(TURNAROUND),
                SOURCE_SYSTEM,
                aMessageId(),
                "obs-" + UUID.randomUUID(),
                loinc,
                value,
                unit,
                range,
                ResultStatus.FINAL);
    }

    private static LabResultRecorded revisionOf(
            LabResultRecorded result, @Nullable BigDecimal value, @Nullable String unit, ResultStatus status) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                result.patientId(),
                result.observedAt(),
                result.receivedAt().plus(TURNAROUND),
                result.sourceSystem(),
                aMessageId(),
                result.sourceObservationId(),
                result.loinc(),
                value,
                unit,
                value == null ? null : result.referenceRange(),
                status);
    }

    private static String aMessageId() {
        return "msg-" + UUID.randomUUID();
    }
}
