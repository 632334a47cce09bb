package org.toxwatch.alerting.alert.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.ToxicityFamily;

/** Port: the stored alert episodes. */
public interface Alerts {

    /** The episode of this patient and family that is not resolved, if any. */
    Optional<AlertEpisode> findUnresolved(String patientId, ToxicityFamily family);

    /** The unresolved episodes of these patients and families, those that have one. */
    default Map<EpisodeKey, AlertEpisode> findUnresolved(Collection<EpisodeKey> keys) {
        var found = new HashMap<EpisodeKey, AlertEpisode>();
        for (EpisodeKey key : keys) {
            findUnresolved(key.patientId(), key.family()).ifPresent(episode -> found.put(key, episode));
        }
        return found;
    }

    /**
     * Stores the episode atomically. Fails with {@link ConcurrentAlertUpdate} when someone else changed it
     * since it was read.
     */
    AlertEpisode save(AlertEpisode episode);

    /**
     * As {@link #save(AlertEpisode)}, in the same atomic write keeping the episode's transitions that are not in the
     * audit trail yet: until they are, every read of the episode (and of its audit trail) puts them there. A store
     * that audits nothing on reads keeps nothing.
     */
    default AlertEpisode save(AlertEpisode episode, List<SequencedTransition> unaudited) {
        return save(episode);
    }

    /**
     * Stores each episode as {@link #save(AlertEpisode, List)} does, each atomically on its own (a compare-and-set
     * against the version it was read with, or the insert of a new one), in as few writes as the store allows. One
     * that cannot be stored does not keep the others from being stored: the result says which were, as stored, and
     * why not all were.
     */
    default Stored saveAll(List<Saving> savings) {
        var stored = new LinkedHashMap<UUID, AlertEpisode>();
        for (Saving saving : savings) {
            try {
                stored.put(saving.episode().alertId(), save(saving.episode(), saving.unaudited()));
            } catch (RuntimeException e) {
                return new Stored(stored, e);
            }
        }
        return new Stored(stored, null);
    }

    /** An episode to store and its transitions not in the audit trail yet. */
    record Saving(AlertEpisode episode, List<SequencedTransition> unaudited) {}

    /** The episodes stored by id, as stored; {@code failure} says why some were not, when some were not. */
    record Stored(
            Map<UUID, AlertEpisode> episodes, @Nullable RuntimeException failure) {}

    Optional<AlertEpisode> find(UUID alertId);

    /**
     * The episode of this patient and family that has handled the assessment, resolved or not. Looked up only for
     * an assessment that may have resolved the episode it changed (one withdrawing evidence), so the stores'
     * queue-ordered listing serves.
     */
    default Optional<AlertEpisode> findHandling(String patientId, ToxicityFamily family, UUID assessmentEventId) {
        return list(AlertFilter.of(AlertStatus.RESOLVED, patientId, HANDLING_LOOKUP)).stream()
                .filter(episode -> episode.family() == family && episode.hasHandled(assessmentEventId))
                .findFirst();
    }

    /** How many of a patient's resolved episodes {@link #findHandling} looks through. */
    int HANDLING_LOOKUP = 500;

    /** The alerts the filter admits, highest priority first, then the most recently changed. */
    List<AlertEpisode> list(AlertFilter filter);

    /**
     * Hands every episode in this status to {@code action}, in no particular order, however many there are: what the
     * escalation and recovery clocks go through. An episode the action changes may be handed over again, as read
     * before the change. This default reads them all page by page in queue order first, since a change can move an
     * episode across pages; a store that can go through them in one read, a batch at a time, should.
     */
    default void eachIn(AlertStatus status, Consumer<AlertEpisode> action) {
        var all = new ArrayList<AlertEpisode>();
        for (int page = 0; page < EACH_IN_MOST_PAGES; page++) {
            var batch = list(new AlertFilter(status, null, null, null, page, EACH_IN_PAGE));
            all.addAll(batch);
            if (batch.size() < EACH_IN_PAGE) {
                break;
            }
        }
        all.forEach(action);
    }

    /** The page size of {@link #eachIn}'s default. */
    int EACH_IN_PAGE = 1_000;

    /** A guard against a store that never returns a short page: a million alerts in one status is no ward. */
    int EACH_IN_MOST_PAGES = 1_000;

    default List<AlertEpisode> list(@Nullable AlertStatus status, @Nullable String patientId, int limit) {
        return list(AlertFilter.of(status, patientId, limit));
    }

    final class ConcurrentAlertUpdate extends RuntimeException {
        public ConcurrentAlertUpdate(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
