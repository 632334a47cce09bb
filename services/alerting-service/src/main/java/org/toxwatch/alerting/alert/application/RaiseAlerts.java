package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Use case: turn one assessment into an alert change. Assessments arrive at least once, so a redelivered
 * one is recognised by its event id and changes nothing; the transition it caused is published again, with its
 * original event id, from the audit trail. That is what makes a failed publish retryable (the listener retries
 * the assessment, which is already applied), and consumers de-duplicate on the event id, so notifications stay
 * one per state change.
 */
public final class RaiseAlerts {

    private final AlertPolicy policy;
    private final Alerts alerts;
    private final AlertEventPublisher publisher;
    private final ChangeRecorder changes;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public RaiseAlerts(
            AlertPolicy policy, Alerts alerts, AlertEventPublisher publisher, AuditTrail auditTrail, Clock clock) {
        this.policy = policy;
        this.alerts = alerts;
        this.publisher = publisher;
        this.changes = new ChangeRecorder(alerts, auditTrail, publisher);
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Returns the change made, or empty when the assessment needs no alert or was handled before. */
    public Optional<AlertChanged> on(ToxicityAssessed assessment) {
        var open = alerts.findUnresolved(
                assessment.patientId(), assessment.criterion().family());
        var outcome = apply(assessment, open);
        outcome.republished().forEach(AlertEventPublisher.Sending::await);
        return outcome.change().map(change -> changes.record(change));
    }

    /**
     * Applies a batch of assessments in their order, with the same effects as {@link #on} for each: the open episodes
     * of the whole batch are read at once, the batch's audit entries are written in one write once the changes are
     * stored, then published, and the publications awaited together. When assessment {@code i} fails, the changes of
     * those before it are complete (audited and published too) and {@link Failed} names {@code i}. Those after it
     * may have been applied too, which their redelivery recognises: each changed an episode that is still open and
     * has handled it.
     *
     * <p>The changes are made in memory and their episodes stored together, each episode once with all its changes
     * (one compare-and-set each, in one bulk write where the store allows). A batch in which an assessment withdraws
     * results is applied one assessment at a time instead, each change stored before the next assessment is applied:
     * a withdrawal can resolve an episode, and an assessment that changed an episode resolved after it would not be
     * recognised by an open episode were it redelivered.
     */
    public void onAll(List<ToxicityAssessed> assessments) {
        var keys = new LinkedHashSet<EpisodeKey>();
        assessments.forEach(assessment -> keys.add(EpisodeKey.of(assessment)));
        Map<EpisodeKey, AlertEpisode> open;
        try {
            open = new HashMap<>(alerts.findUnresolved(keys));
        } catch (RuntimeException e) {
            throw new Failed(0, e);
        }
        if (assessments.stream()
                .anyMatch(assessment -> !assessment.withdrawnEvidence().isEmpty())) {
            oneByOne(assessments, open);
        } else {
            together(assessments, open);
        }
    }

    private void together(List<ToxicityAssessed> assessments, Map<EpisodeKey, AlertEpisode> open) {
        var sendings = new ArrayList<Pending>();
        var made = new ArrayList<Indexed>();
        var unaudited = new LinkedHashMap<UUID, List<SequencedTransition>>();
        var episodes = new LinkedHashMap<UUID, AlertEpisode>();
        var applied = applyInOrder(assessments, open, sendings, (index, key, change) -> {
            var episode = change.episode();
            made.add(new Indexed(index, change));
            unaudited
                    .computeIfAbsent(episode.alertId(), id -> new ArrayList<>())
                    .add(change.transition());
            episodes.put(episode.alertId(), episode);
            open.put(key, episode);
        });
        int failedAt = applied.failedAt();
        @Nullable RuntimeException failure = applied.failure();
        Alerts.Stored stored = store(episodes, unaudited);
        var complete = new ArrayList<ChangeRecorder.Made>();
        for (var change : made) {
            var saved = stored.episodes().get(change.change().episode().alertId());
            if (saved == null || change.index() >= failedAt) {
                if (change.index() < failedAt) {
                    failedAt = change.index();
                    failure = stored.failure() != null
                            ? stored.failure()
                            : new IllegalStateException(
                                    "alert " + change.change().episode().alertId() + " not stored");
                }
                break;
            }
            complete.add(new ChangeRecorder.Made(change.index(), change.change().transition(), saved));
        }
        for (var publication : changes.auditAndPublish(complete)) {
            sendings.add(new Pending(publication.index(), publication.sending()));
        }
        finish(sendings, failedAt, failure);
    }

    private Alerts.Stored store(Map<UUID, AlertEpisode> episodes, Map<UUID, List<SequencedTransition>> unaudited) {
        if (episodes.isEmpty()) {
            return new Alerts.Stored(Map.of(), null);
        }
        var savings = episodes.values().stream()
                .map(episode -> new Alerts.Saving(episode, List.copyOf(unaudited.get(episode.alertId()))))
                .toList();
        try {
            return alerts.saveAll(savings);
        } catch (RuntimeException e) {
            return new Alerts.Stored(Map.of(), e);
        }
    }

    private void oneByOne(List<ToxicityAssessed> assessments, Map<EpisodeKey, AlertEpisode> open) {
        var batch = changes.batch();
        var sendings = new ArrayList<Pending>();
        var applied = applyInOrder(assessments, open, sendings, (index, key, change) -> {
            var saved = batch.save(change, index);
            if (saved.status() == AlertStatus.RESOLVED) {
                open.remove(key);
            } else {
                open.put(key, saved);
            }
        });
        complete(batch, sendings);
        finish(sendings, applied.failedAt(), applied.failure());
    }

    /**
     * Applies the assessments in order against the open episodes, queuing what is republished and handing each change
     * to {@code made}, until one of them (or {@code made}) fails.
     */
    private Applied applyInOrder(
            List<ToxicityAssessed> assessments,
            Map<EpisodeKey, AlertEpisode> open,
            List<Pending> sendings,
            ChangeMade made) {
        for (int i = 0; i < assessments.size(); i++) {
            var assessment = assessments.get(i);
            try {
                var key = EpisodeKey.of(assessment);
                var outcome = apply(assessment, Optional.ofNullable(open.get(key)));
                for (var republished : outcome.republished()) {
                    sendings.add(new Pending(i, republished));
                }
                if (outcome.change().isPresent()) {
                    made.accept(i, key, outcome.change().get());
                }
            } catch (RuntimeException e) {
                return new Applied(i, e);
            }
        }
        return new Applied(assessments.size(), null);
    }

    @FunctionalInterface
    private interface ChangeMade {
        void accept(int index, EpisodeKey key, AlertEpisode.Change change);
    }

    /** How far a batch was applied: {@code failedAt} is the first assessment that failed, or the batch's size. */
    private record Applied(int failedAt, @Nullable RuntimeException failure) {}

    private static void complete(ChangeRecorder.Batch batch, List<Pending> sendings) {
        for (var publication : batch.complete()) {
            sendings.add(new Pending(publication.index(), publication.sending()));
        }
    }

    /**
     * Waits for every publication, then fails at the earliest assessment that failed, if any: {@code failedAt}, or
     * one whose publication failed, so that every assessment before it is complete.
     */
    private static void finish(List<Pending> sendings, int failedAt, @Nullable RuntimeException failure) {
        int earliest = failedAt;
        @Nullable RuntimeException cause = failure;
        for (var pending : sendings) {
            try {
                pending.sending().await();
            } catch (RuntimeException e) {
                if (pending.index() < earliest || cause == null) {
                    earliest = Math.min(earliest, pending.index());
                    cause = e;
                }
            }
        }
        if (cause != null) {
            throw new Failed(earliest, cause);
        }
    }

    private record Indexed(int index, AlertEpisode.Change change) {}

    /** What applying one assessment calls for: a change to record, or earlier transitions published again. */
    private record Outcome(Optional<AlertEpisode.Change> change, List<AlertEventPublisher.Sending> republished) {

        static final Outcome NONE = new Outcome(Optional.empty(), List.of());
    }

    private Outcome apply(ToxicityAssessed assessment, Optional<AlertEpisode> open) {
        Optional<AlertDecision> decision = policy.decide(assessment);
        if (open.isPresent()) {
            if (open.get().hasHandled(assessment.eventId())) {
                return new Outcome(Optional.empty(), republish(open.get(), assessment));
            }
            return new Outcome(Optional.of(open.get().apply(assessment, decision, clock.instant())), List.of());
        } else if (!assessment.withdrawnEvidence().isEmpty()) {
            var handling = alerts.findHandling(
                    assessment.patientId(), assessment.criterion().family(), assessment.eventId());
            if (handling.isPresent()) {
                return new Outcome(Optional.empty(), republish(handling.get(), assessment));
            }
        }
        if (decision.isPresent()) {
            return new Outcome(
                    Optional.of(AlertEpisode.raise(assessment, decision.get(), UUID.randomUUID(), clock.instant())),
                    List.of());
        }
        return Outcome.NONE;
    }

    private record Pending(int index, AlertEventPublisher.Sending sending) {}

    /** Assessment {@code index} of a batch failed; those before it took full effect. */
    public static final class Failed extends RuntimeException {

        private final int index;

        Failed(int index, RuntimeException cause) {
            super("assessment " + index + " of the batch failed", cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /**
     * A redelivered assessment changes nothing; the transition it caused is published again. A correction that
     * withdrew an episode resolved it, so its redelivery finds no open episode: it is recognised on the resolved one.
     */
    private List<AlertEventPublisher.Sending> republish(AlertEpisode episode, ToxicityAssessed assessment) {
        return auditTrail.of(episode.alertId()).stream()
                .filter(recorded -> assessment.eventId().equals(recorded.assessmentEventId()))
                .map(publisher::send)
                .toList();
    }
}
