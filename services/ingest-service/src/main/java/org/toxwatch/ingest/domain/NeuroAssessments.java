package org.toxwatch.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;

/**
 * Validates submitted neurological assessments and turns valid ones into {@link NeurologicAssessmentRecorded}.
 * An assessment must say something: at least one of the scores or domains.
 */
public final class NeuroAssessments {

    private final Duration allowedClockSkew;

    public NeuroAssessments(Duration allowedClockSkew) {
        this.allowedClockSkew = allowedClockSkew;
    }

    public List<Violation> validate(NeuroAssessmentSubmission submission, Instant now) {
        var violations = new ArrayList<Violation>();
        if (blank(submission.patientId())) {
            violations.add(new Violation("patientId", "is required"));
        }
        if (blank(submission.sourceMessageId())) {
            violations.add(new Violation("sourceMessageId", "is required (it makes a resend idempotent)"));
        }
        if (submission.assessedAt() == null) {
            violations.add(new Violation("assessedAt", "is required (when the patient was assessed)"));
        } else if (submission.assessedAt().isAfter(now.plus(allowedClockSkew))) {
            violations.add(new Violation("assessedAt", "is in the future"));
        }
        if (submission.iceScore() != null
                && (submission.iceScore() < 0 || submission.iceScore() > NeurologicAssessmentRecorded.ICE_MAX)) {
            violations.add(new Violation("iceScore", "an ICE score is 0-10, not " + submission.iceScore()));
        }
        if (submission.capdScore() != null
                && (submission.capdScore() < 0 || submission.capdScore() > NeurologicAssessmentRecorded.CAPD_MAX)) {
            violations.add(new Violation("capdScore", "a CAPD score is 0-32, not " + submission.capdScore()));
        }
        check(LevelOfConsciousness.class, submission.consciousness(), "consciousness", violations);
        check(SeizureFinding.class, submission.seizure(), "seizure", violations);
        check(MotorFinding.class, submission.motor(), "motor", violations);
        check(IntracranialPressureFinding.class, submission.icp(), "icp", violations);
        ResultStatus status = status(submission.status(), violations);
        if (status != ResultStatus.CANCELLED
                && submission.iceScore() == null
                && submission.capdScore() == null
                && blank(submission.consciousness())
                && blank(submission.seizure())
                && blank(submission.motor())
                && blank(submission.icp())) {
            violations.add(new Violation(
                    "body",
                    "says nothing: give at least one of iceScore, capdScore, consciousness, seizure, motor, icp"));
        }
        return violations;
    }

    /** Requires a submission {@link #validate} accepted. */
    public static NeurologicAssessmentRecorded toEvent(
            NeuroAssessmentSubmission valid, String sourceSystem, Instant receivedAt) {
        return toEvent(valid, sourceSystem, receivedAt, "");
    }

    /** @param position the item's place in a JSON array (part of its identity there), else empty */
    public static NeurologicAssessmentRecorded toEvent(
            NeuroAssessmentSubmission valid, String sourceSystem, Instant receivedAt, String position) {
        String sourceMessageId = Objects.requireNonNull(valid.sourceMessageId()).trim();
        Instant assessedAt = Objects.requireNonNull(valid.assessedAt());
        ResultStatus status = status(valid.status(), new ArrayList<>());
        return new NeurologicAssessmentRecorded(
                ObservationEvents.eventIdOf(
                        sourceSystem,
                        sourceMessageId,
                        "neuro\n" + assessedAt + "\n" + status + "\n" + valid + position),
                Objects.requireNonNull(valid.patientId()).trim(),
                assessedAt,
                receivedAt,
                sourceSystem,
                sourceMessageId,
                valid.iceScore(),
                valid.capdScore(),
                parsed(LevelOfConsciousness.class, valid.consciousness()),
                parsed(SeizureFinding.class, valid.seizure()),
                parsed(MotorFinding.class, valid.motor()),
                parsed(IntracranialPressureFinding.class, valid.icp()),
                status);
    }

    private static ResultStatus status(@Nullable String text, List<Violation> violations) {
        if (blank(text)) {
            return ResultStatus.FINAL;
        }
        try {
            return ResultStatus.valueOf(upper(text));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("status", "'" + text + "' is not one of " + names(ResultStatus.class)));
            return ResultStatus.FINAL;
        }
    }

    private static <E extends Enum<E>> void check(
            Class<E> type, @Nullable String text, String field, List<Violation> violations) {
        if (blank(text)) {
            return;
        }
        try {
            Enum.valueOf(type, upper(text));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "'" + text + "' is not one of " + names(type)));
        }
    }

    private static <E extends Enum<E>> @Nullable E parsed(Class<E> type, @Nullable String text) {
        return blank(text) ? null : Enum.valueOf(type, upper(text));
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static String upper(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
