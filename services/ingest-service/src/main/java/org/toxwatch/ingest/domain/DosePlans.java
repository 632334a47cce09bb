package org.toxwatch.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.Therapy;

/**
 * Validates submitted dose plans and turns valid ones into {@link DosePlanned}. A plan needs its cycle and day,
 * because the pre-dose rules differ between the first dose of cycle 1 and the first day of a later cycle.
 */
public final class DosePlans {

    private final Duration allowedClockSkew;

    public DosePlans(Duration allowedClockSkew) {
        this.allowedClockSkew = allowedClockSkew;
    }

    /** Malformed input (identifier hygiene, numbers, times before 1900), judged before any clinical rule. */
    public static List<Violation> hygiene(DosePlanSubmission submission) {
        var found = new ArrayList<Violation>();
        identifier("patientId", submission.patientId(), InputHygiene.PATIENT_ID_MAX, found);
        identifier("sourceMessageId", submission.sourceMessageId(), InputHygiene.MESSAGE_ID_MAX, found);
        identifier("sourcePlanId", submission.sourcePlanId(), InputHygiene.OBSERVATION_ID_MAX, found);
        identifier("therapy", submission.therapy(), InputHygiene.CODE_MAX, found);
        identifier("product", submission.product(), InputHygiene.NAME_MAX, found);
        identifier("doseUnit", submission.doseUnit(), InputHygiene.CODE_MAX, found);
        if (submission.dose() != null) {
            InputHygiene.numberProblem(submission.dose())
                    .ifPresent(problem -> found.add(new Violation("dose", problem)));
        }
        if (submission.orderedAt() != null) {
            InputHygiene.timeProblem(submission.orderedAt())
                    .ifPresent(problem -> found.add(new Violation("orderedAt", problem)));
        }
        if (submission.plannedFor() != null) {
            InputHygiene.timeProblem(submission.plannedFor())
                    .ifPresent(problem -> found.add(new Violation("plannedFor", problem)));
        }
        return found;
    }

    public List<Violation> validate(DosePlanSubmission submission, Instant now) {
        var violations = new ArrayList<Violation>();
        if (blank(submission.patientId())) {
            violations.add(new Violation("patientId", "is required"));
        }
        if (blank(submission.sourceMessageId())) {
            violations.add(new Violation("sourceMessageId", "is required (it makes a resend idempotent)"));
        }
        if (blank(submission.therapy())) {
            violations.add(new Violation("therapy", "is required (one of " + Arrays.toString(Therapy.values()) + ")"));
        } else if (therapyOf(submission.therapy()) == null) {
            violations.add(new Violation(
                    "therapy", "'" + submission.therapy() + "' is not one of " + Arrays.toString(Therapy.values())));
        }
        if (submission.orderedAt() == null) {
            violations.add(new Violation("orderedAt", "is required (when the dose was ordered or the plan changed)"));
        } else if (submission.orderedAt().isAfter(now.plus(allowedClockSkew))) {
            violations.add(new Violation(
                    "orderedAt", "is in the future (more than " + allowedClockSkew.toSeconds() + " s ahead)"));
        }
        if (submission.plannedFor() == null) {
            violations.add(new Violation("plannedFor", "is required (when the dose is to be given)"));
        }
        if (submission.cycle() == null) {
            violations.add(new Violation("cycle", "is required (treatment cycle, from 1)"));
        } else if (submission.cycle() < 1) {
            violations.add(new Violation("cycle", "starts at 1"));
        }
        if (submission.cycleDay() == null) {
            violations.add(new Violation("cycleDay", "is required (day of the cycle, from 1)"));
        } else if (submission.cycleDay() < 1) {
            violations.add(new Violation("cycleDay", "starts at 1"));
        }
        if (submission.dose() != null && submission.dose().signum() < 0) {
            violations.add(new Violation("dose", "cannot be negative"));
        }
        return violations;
    }

    /** Requires a submission {@link #validate} accepted. */
    public static DosePlanned toEvent(DosePlanSubmission valid, String sourceSystem, Instant receivedAt) {
        return toEvent(valid, sourceSystem, receivedAt, "");
    }

    /** @param position the item's place in a JSON array (part of its identity there), else empty */
    public static DosePlanned toEvent(
            DosePlanSubmission valid, String sourceSystem, Instant receivedAt, String position) {
        Therapy therapy = Objects.requireNonNull(therapyOf(Objects.requireNonNull(valid.therapy())));
        boolean cancelled = Boolean.TRUE.equals(valid.cancelled());
        String sourceMessageId = Objects.requireNonNull(valid.sourceMessageId());
        Instant orderedAt = Objects.requireNonNull(valid.orderedAt());
        Instant plannedFor = Objects.requireNonNull(valid.plannedFor());
        return new DosePlanned(
                ObservationEvents.eventIdOf(
                        sourceSystem,
                        sourceMessageId,
                        "plan\n" + therapy + "\n" + plannedFor + "\n" + cancelled + "\n" + valid + position),
                Objects.requireNonNull(valid.patientId()).trim(),
                orderedAt,
                receivedAt,
                sourceSystem,
                sourceMessageId,
                therapy,
                trimmedOrNull(valid.product()),
                plannedFor,
                Objects.requireNonNull(valid.cycle()),
                Objects.requireNonNull(valid.cycleDay()),
                valid.dose(),
                trimmedOrNull(valid.doseUnit()),
                trimmedOrNull(valid.sourcePlanId()),
                cancelled);
    }

    private static @Nullable Therapy therapyOf(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(Therapy.values())
                .filter(therapy -> therapy.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static void identifier(String field, @Nullable String text, int max, List<Violation> found) {
        InputHygiene.identifierProblem(text, max).ifPresent(problem -> found.add(new Violation(field, problem)));
    }

    private static @Nullable String trimmedOrNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
