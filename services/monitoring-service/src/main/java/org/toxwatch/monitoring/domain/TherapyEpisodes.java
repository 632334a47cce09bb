package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;

/**
 * Places a therapy event in its episode (CRITERIA.md 1.4: each new episode gets a new T0 and new baselines).
 *
 * <ul>
 *   <li>An enrolment starts a new episode, unless an episode of the same therapy without enrolment starts at
 *       or after it (its doses arrived before the enrolment message): then it becomes that episode's T0.
 *   <li>A dose, infusion start or stop or CAR-T infusion joins the episode of its therapy with the latest T0
 *       at or before it; failing that, an episode of that therapy without enrolment that starts later (a late
 *       earlier dose moves its T0 back); failing that, a dose, start or CAR-T infusion starts a new episode
 *       and an infusion stop is dropped, as there is nothing it could stop.
 * </ul>
 */
final class TherapyEpisodes {

    private TherapyEpisodes() {}

    static List<TherapyEpisode> with(List<TherapyEpisode> episodes, TherapyEventRecorded event) {
        var therapy = Objects.requireNonNull(event.therapy(), "therapy");
        var at = event.occurredAt();
        var sameTherapy = episodes.stream().filter(e -> e.therapy() == therapy).toList();
        if (event.type() == TherapyEventType.ENROLLED) {
            if (sameTherapy.stream().anyMatch(e -> at.equals(e.enrolledAt()))) {
                return episodes;
            }
            var unenrolled = firstUnenrolledStartingAtOrAfter(sameTherapy, at);
            if (unenrolled != null && noEnrolmentBetween(sameTherapy, at, unenrolled.t0())) {
                return replace(episodes, unenrolled, unenrolled.enrolled(at));
            }
            return add(episodes, new TherapyEpisode(therapy, at, List.of()));
        }
        var administration = TherapyAdministration.of(event);
        TherapyEpisode target = null;
        for (var episode : sameTherapy) {
            if (!episode.t0().isAfter(at)) {
                target = episode;
            }
        }
        if (target == null) {
            target = firstUnenrolledStartingAtOrAfter(sameTherapy, at);
        }
        if (target != null) {
            return replace(episodes, target, target.with(administration));
        }
        if (administration.startsTherapy()) {
            return add(episodes, new TherapyEpisode(therapy, null, List.of(administration)));
        }
        return episodes;
    }

    private static @Nullable TherapyEpisode firstUnenrolledStartingAtOrAfter(
            List<TherapyEpisode> episodes, Instant at) {
        return episodes.stream()
                .filter(e -> e.enrolledAt() == null && !e.t0().isBefore(at))
                .findFirst()
                .orElse(null);
    }

    private static boolean noEnrolmentBetween(List<TherapyEpisode> episodes, Instant from, Instant to) {
        return episodes.stream()
                .map(TherapyEpisode::enrolledAt)
                .filter(Objects::nonNull)
                .noneMatch(enrolled -> !enrolled.isBefore(from) && !enrolled.isAfter(to));
    }

    private static List<TherapyEpisode> replace(
            List<TherapyEpisode> episodes, TherapyEpisode old, TherapyEpisode replacement) {
        return episodes.stream().map(e -> e == old ? replacement : e).toList();
    }

    private static List<TherapyEpisode> add(List<TherapyEpisode> episodes, TherapyEpisode episode) {
        var all = new ArrayList<>(episodes);
        all.add(episode);
        return all;
    }
}
