package org.toxwatch.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;

/** Validates submitted therapy events and turns valid ones into {@link TherapyEventRecorded}. */
public final class TherapyEvents {

    private final Duration allowedClockSkew;

    public TherapyEvents(Duration allowedClockSkew) {
        this.allowedClockSkew = allowedClockSkew;
    }

    public Duration allowedClockSkew() {
        return allowedClockSkew;
    }

    public List<Violation> validate(TherapyEventSubmission submission, Instant now) {
        var violations = new ArrayList<Violation>();
        if (blank(submission.patientId())) {
            violations.add(new Violation("patientId", "is required"));
        }
        if (blank(submission.sourceMessageId())) {
            violations.add(new Violation("sourceMessageId", "is required (it makes a resend idempotent)"));
        }
        if (submission.occurredAt() == null) {
            violations.add(new Violation("occurredAt", "is required (administration time)"));
        } else if (submission.occurredAt().isAfter(now.plus(allowedClockSkew))) {
            violations.add(new Violation("occurredAt", "is in the future"));
        }
        Optional<TherapyEventType> type = parse(TherapyEventType.class, submission.type(), "type", violations, true);
        Optional<Therapy> therapy = parse(Therapy.class, submission.therapy(), "therapy", violations, false);
        Optional<SupportiveDrug> drug =
                parse(SupportiveDrug.class, submission.supportiveDrug(), "supportiveDrug", violations, false);
        type.ifPresent(t -> {
            if (t == TherapyEventType.SUPPORTIVE_DRUG_GIVEN && blank(submission.supportiveDrug())) {
                violations.add(new Violation("supportiveDrug", "is required for " + t));
            }
            if (t != TherapyEventType.SUPPORTIVE_DRUG_GIVEN && blank(submission.therapy())) {
                violations.add(new Violation("therapy", "is required for " + t));
            }
        });
        if (submission.vasopressorCount() != null && submission.vasopressorCount() < 0) {
            violations.add(new Violation("vasopressorCount", "cannot be negative"));
        }
        if (submission.dose() != null && submission.dose().signum() < 0) {
            violations.add(new Violation("dose", "cannot be negative"));
        }
        if (submission.cycle() != null && submission.cycle() < 1) {
            violations.add(new Violation("cycle", "starts at 1"));
        }
        if (submission.cycleDay() != null && submission.cycleDay() < 1) {
            violations.add(new Violation("cycleDay", "starts at 1"));
        }
        return violations;
    }

    /** Requires a submission {@link #validate} accepted. */
    public static TherapyEventRecorded toEvent(TherapyEventSubmission valid, String sourceSystem, Instant receivedAt) {
        return toEvent(valid, sourceSystem, receivedAt, "");
    }

    /** @param position the item's place in a JSON array (part of its identity there), else empty */
    public static TherapyEventRecorded toEvent(
            TherapyEventSubmission valid, String sourceSystem, Instant receivedAt, String position) {
        var type = TherapyEventType.valueOf(upper(valid.type()));
        String sourceMessageId = Objects.requireNonNull(valid.sourceMessageId());
        Instant occurredAt = Objects.requireNonNull(valid.occurredAt());
        return new TherapyEventRecorded(
                // Everything the event says is part of its identity: one message may record several drugs given at
                // the same time, and a reused message id with another dose is another event.
                ObservationEvents.eventIdOf(
                        sourceSystem,
                        sourceMessageId,
                        type + "\n" + valid.therapy() + "\n" + valid.supportiveDrug() + "\n" + occurredAt + "\n" + valid
                                + position),
                Objects.requireNonNull(valid.patientId()).trim(),
                occurredAt,
                receivedAt,
                sourceSystem,
                sourceMessageId,
                type,
                valid.therapy() == null ? null : Therapy.valueOf(upper(valid.therapy())),
                valid.product(),
                valid.cycle(),
                valid.cycleDay(),
                valid.dose(),
                valid.doseUnit(),
                valid.supportiveDrug() == null ? null : SupportiveDrug.valueOf(upper(valid.supportiveDrug())),
                valid.vasopressorCount(),
                valid.vasopressin());
    }

    private static <E extends Enum<E>> Optional<E> parse(
            Class<E> type, String text, String field, List<Violation> violations, boolean required) {
        if (blank(text)) {
            if (required) {
                violations.add(new Violation(field, "is required (one of " + names(type) + ")"));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, upper(text)));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "'" + text + "' is not one of " + names(type)));
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static String upper(String text) {
        return Objects.requireNonNull(text).trim().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
