package org.toxwatch.monitoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/**
 * One course of one immunotherapy, with its own T0 and therefore its own baselines (CRITERIA.md 1.4).
 *
 * <p>T0 is the enrolment time; without an enrolment, the first dose, infusion start or CAR-T infusion. For
 * CAR-T the enrolment marks the start of lymphodepletion and {@link #carTInfusedAt()} is day 0 of the CAR-T
 * windows.
 *
 * @param enrolledAt the {@code ENROLLED} event's time, absent when none was received
 * @param administrations doses, infusion starts and stops and CAR-T infusions, in time order
 */
public record TherapyEpisode(
        Therapy therapy, @Nullable Instant enrolledAt, List<TherapyAdministration> administrations) {

    private static final Comparator<TherapyAdministration> IN_TIME_ORDER =
            Comparator.comparing(TherapyAdministration::occurredAt).thenComparing(TherapyAdministration::eventId);

    public TherapyEpisode {
        Objects.requireNonNull(therapy, "therapy");
        administrations = administrations == null
                ? List.of()
                : administrations.stream().sorted(IN_TIME_ORDER).toList();
        if (enrolledAt == null && administrations.stream().noneMatch(TherapyAdministration::startsTherapy)) {
            throw new IllegalArgumentException("an episode needs an enrolment or a first administration");
        }
    }

    /** T0: enrolment, else the first dose, infusion start or CAR-T infusion (CRITERIA.md 1.4). */
    public Instant t0() {
        if (enrolledAt != null) {
            return enrolledAt;
        }
        return administrations.stream()
                .filter(TherapyAdministration::startsTherapy)
                .map(TherapyAdministration::occurredAt)
                .findFirst()
                .orElseThrow();
    }

    /** The first CAR-T infusion: day 0 of the CAR-T windows (CRITERIA.md 1.5, 10); absent before it. */
    public @Nullable Instant carTInfusedAt() {
        return administrations.stream()
                .filter(administration -> administration.type() == TherapyEventType.CAR_T_INFUSED)
                .map(TherapyAdministration::occurredAt)
                .findFirst()
                .orElse(null);
    }

    /** The product named by the episode's first administration that names one, e.g. {@code KYMRIAH}. */
    public @Nullable String product() {
        return administrations.stream()
                .map(TherapyAdministration::product)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Whether a continuous infusion (blinatumomab) was running at {@code at}: its last start or stop was a start. */
    public boolean infusionRunningAt(Instant at) {
        var last = lastInfusionChangeAtOrBefore(at);
        return last != null && last.type() == TherapyEventType.INFUSION_STARTED;
    }

    /** The stop of the infusion at or before {@code at}, if the infusion was stopped then. */
    public @Nullable Instant infusionStoppedAt(Instant at) {
        var last = lastInfusionChangeAtOrBefore(at);
        return last != null && last.type() == TherapyEventType.INFUSION_STOPPED ? last.occurredAt() : null;
    }

    /**
     * The start of the current run of continuous infusion at {@code at}: the start after which the infusion
     * was never stopped for longer than {@code bridgedGap} (a stop followed by a restart within the gap
     * continues the run); absent when no infusion started at or before {@code at}.
     */
    public @Nullable Instant infusionRunStartedAt(Instant at, Duration bridgedGap) {
        Instant runStart = null;
        Instant stoppedAt = null;
        var running = false;
        for (var change : administrations) {
            if (change.occurredAt().isAfter(at)) {
                break;
            }
            if (change.type() == TherapyEventType.INFUSION_STARTED && !running) {
                var gapBridged = stoppedAt != null
                        && runStart != null
                        && Duration.between(stoppedAt, change.occurredAt()).compareTo(bridgedGap) <= 0;
                if (!gapBridged) {
                    runStart = change.occurredAt();
                }
                running = true;
            } else if (change.type() == TherapyEventType.INFUSION_STOPPED && running) {
                running = false;
                stoppedAt = change.occurredAt();
            }
        }
        return runStart;
    }

    /** The doses given (DOSE_ADMINISTERED), in time order. */
    public List<TherapyAdministration> doses() {
        return administrations.stream()
                .filter(administration -> administration.type() == TherapyEventType.DOSE_ADMINISTERED)
                .toList();
    }

    boolean contains(String eventId) {
        return administrations.stream()
                .anyMatch(administration -> administration.eventId().equals(eventId));
    }

    TherapyEpisode enrolled(Instant at) {
        return new TherapyEpisode(therapy, at, administrations);
    }

    TherapyEpisode with(TherapyAdministration administration) {
        var all = new ArrayList<>(administrations);
        all.add(administration);
        return new TherapyEpisode(therapy, enrolledAt, all);
    }

    private @Nullable TherapyAdministration lastInfusionChangeAtOrBefore(Instant at) {
        TherapyAdministration last = null;
        for (var change : administrations) {
            if (change.occurredAt().isAfter(at)) {
                break;
            }
            if (change.type() == TherapyEventType.INFUSION_STARTED
                    || change.type() == TherapyEventType.INFUSION_STOPPED) {
                last = change;
            }
        }
        return last;
    }
}
