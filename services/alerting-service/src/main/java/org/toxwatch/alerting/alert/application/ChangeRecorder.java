package org.toxwatch.alerting.alert.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;

/**
 * The one way an alert change takes effect, whoever made it (an assessment, a clinician, the escalation or
 * recovery clock): the episode is saved, the transition audited, then published.
 *
 * <p>The episode is saved together with its transitions not yet audited ({@link Alerts#save(AlertEpisode, List)}),
 * in the same single-document write. So the audit entry of a stored change is never lost, even when the process
 * stops or the store fails between the two writes: the next read of the episode writes it.
 */
final class ChangeRecorder {

    private static final System.Logger log = System.getLogger(ChangeRecorder.class.getName());

    private final Alerts alerts;
    private final AuditTrail auditTrail;
    private final AlertEventPublisher publisher;

    ChangeRecorder(Alerts alerts, AuditTrail auditTrail, AlertEventPublisher publisher) {
        this.alerts = alerts;
        this.auditTrail = auditTrail;
        this.publisher = publisher;
    }

    AlertChanged record(AlertEpisode.Change change) {
        AlertEpisode saved = alerts.save(change.episode(), List.of(change.transition()));
        auditTrail.record(change.transition());
        publisher.send(change.event(), saved).await();
        return change.event();
    }

    Batch batch() {
        return new Batch();
    }

    /**
     * Changes saved one after another and audited together: each episode is saved as its change is made (with every
     * transition of it in this batch, none audited yet), and {@link #complete} writes the audit entries of all of
     * them in one write and only then publishes them. An audit entry is therefore only ever written for a change
     * whose episode is stored.
     */
    final class Batch {

        private final Map<UUID, List<SequencedTransition>> unaudited = new LinkedHashMap<>();
        private final List<Made> made = new ArrayList<>();

        /** Saves the change's episode; {@code index} is what the change's publication is known by. */
        AlertEpisode save(AlertEpisode.Change change, int index) {
            UUID alertId = change.episode().alertId();
            var transitions = new ArrayList<>(unaudited.getOrDefault(alertId, List.of()));
            transitions.add(change.transition());
            AlertEpisode saved = alerts.save(change.episode(), transitions);
            unaudited.put(alertId, List.copyOf(transitions));
            made.add(new Made(index, change.transition(), saved));
            return saved;
        }

        /**
         * Audits the changes saved so far in one write, then publishes them, in the order they were made. When the
         * audit write fails, the changes are published all the same: each is stored with its episode, and the next
         * read of the episode audits it.
         */
        List<Publication> complete() {
            var publications = auditAndPublish(made);
            made.clear();
            unaudited.clear();
            return publications;
        }
    }

    /**
     * Audits changes whose episodes are stored in one write, then publishes them, in the order given. When the audit
     * write fails, the changes are published all the same: each is stored with its episode, and the next read of the
     * episode audits it.
     */
    List<Publication> auditAndPublish(List<Made> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        try {
            auditTrail.recordAll(stored.stream().map(Made::transition).toList());
        } catch (RuntimeException e) {
            log.log(
                    System.Logger.Level.WARNING,
                    "Audit entries of {0} alert changes not written; each is written by the next read of its alert:"
                            + " {1}",
                    stored.size(),
                    e.getClass().getSimpleName());
        }
        var publications = new ArrayList<Publication>(stored.size());
        for (var change : stored) {
            publications.add(new Publication(change.index(), send(change)));
        }
        return publications;
    }

    private AlertEventPublisher.Sending send(Made change) {
        try {
            return publisher.send(change.transition().event(), change.saved());
        } catch (RuntimeException e) {
            return () -> {
                throw e;
            };
        }
    }

    /** A change stored as {@code saved}, known by the index its batch gave it. */
    record Made(int index, SequencedTransition transition, AlertEpisode saved) {}

    /** A change's publication on its way, known by the index its batch gave it. */
    record Publication(int index, AlertEventPublisher.Sending sending) {}
}
