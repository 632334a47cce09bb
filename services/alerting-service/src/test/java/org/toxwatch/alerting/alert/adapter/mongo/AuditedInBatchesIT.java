package org.toxwatch.alerting.alert.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.alerting.alert.application.ActOnAlert;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.AuditTrail;
import org.toxwatch.alerting.alert.application.RaiseAlerts;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * A batch of assessments audits its changes in one write, after their episodes are stored, on a real MongoDB-wire
 * server: every stored change is audited exactly once however the batch is interrupted and applied again, and no
 * audit entry describes a change that was not stored.
 */
@DataMongoTest
class AuditedInBatchesIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "audited-batches-it");
    }

    @Autowired
    MongoTemplate mongoTemplate;

    private final Clock clock = Clock.systemUTC();
    /** Every change of a batch made at one instant, as when the batch is applied within one millisecond. */
    private static final Clock ONE_INSTANT = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);

    private final String mrn1 = "MRN-" + UUID.randomUUID();
    private final String mrn2 = "MRN-" + UUID.randomUUID();
    private final List<AlertChanged> published = new ArrayList<>();

    private List<ToxicityAssessed> course() {
        return List.of(
                anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
                anAssessment(mrn2, Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3),
                anAssessment(mrn1, Criterion.PLATELET_COUNT_DECREASED, 4),
                anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
                anAssessment(mrn2, Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 4));
    }

    @Test
    void aBatchAuditsEachOfItsChangesOnceInOneWrite() {
        var alerts = new MongoAlerts(mongoTemplate);
        var audit = new CountingAuditTrail(new MongoAuditTrail(mongoTemplate));

        raiseAlerts(alerts, audit).onAll(course());

        assertThat(published).hasSize(5);
        assertThat(audit.bulkWrites).as("one audit write for the batch").hasValue(1);
        assertThat(audit.singleWrites).as("no audit write per assessment").hasValue(0);
        assertThat(storedAuditEntries()).containsExactlyInAnyOrderElementsOf(eventIds(published));
    }

    @Test
    void aChangeStoredWhoseAuditWriteFailedIsAuditedByTheNextReadOfItsAlert() {
        var alerts = new MongoAlerts(mongoTemplate);

        raiseAlerts(alerts, new AuditWriteFails(new MongoAuditTrail(mongoTemplate)))
                .onAll(course());

        assertThat(published).as("stored changes are published all the same").hasSize(5);
        assertThat(storedAuditEntries()).isEmpty();
        published.stream().map(AlertChanged::alertId).distinct().forEach(alerts::find);
        assertThat(storedAuditEntries()).containsExactlyInAnyOrderElementsOf(eventIds(published));
    }

    @Test
    void theAuditTrailOfAnAlertIncludesChangesStoredBeforeTheProcessCouldAuditThem() {
        var alerts = new MongoAlerts(mongoTemplate);
        var audit = new MongoAuditTrail(mongoTemplate);
        var grade4 = anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        var raised = AlertEpisode.raise(
                grade4, new AlertPolicy().decide(grade4).orElseThrow(), UUID.randomUUID(), Instant.now());

        // The process stops right after this write, before the audit write that would follow it.
        alerts.save(raised.episode(), List.of(raised.transition()));

        assertThat(eventIds(audit.of(raised.episode().alertId()))).containsExactly(id(raised.event()));
        assertThat(eventIds(audit.of(raised.episode().alertId())))
                .as("read again, still once")
                .containsExactly(id(raised.event()));
        assertThat(storedAuditEntries()).containsExactly(id(raised.event()));
    }

    @Test
    void aRedeliveredBatchWhoseAuditWriteFailedAddsNoEpisodeAndNoAuditEntryAndRepublishesTheSameEvents() {
        var alerts = new MongoAlerts(mongoTemplate);
        var course = course();
        raiseAlerts(alerts, new AuditWriteFails(new MongoAuditTrail(mongoTemplate)))
                .onAll(course);
        var first = List.copyOf(published);
        published.clear();

        raiseAlerts(alerts, new MongoAuditTrail(mongoTemplate)).onAll(course);
        raiseAlerts(alerts, new MongoAuditTrail(mongoTemplate)).onAll(course);

        assertThat(episodesOf(mrn1)).as("one cytopenia episode").hasSize(1);
        assertThat(episodesOf(mrn2)).as("one hepatotoxicity episode").hasSize(1);
        assertThat(storedAuditEntries()).containsExactlyInAnyOrderElementsOf(eventIds(first));
        assertThat(eventIds(published))
                .as("each redelivery publishes the transitions of the first time again, with their ids")
                .containsExactlyElementsOf(eventIds(concat(first, first)));
    }

    @Test
    void anAssessmentWhoseEpisodeCouldNotBeStoredLeavesNoAuditEntryAndThoseBeforeItAreAudited() {
        var alerts = new StoreRefuses(mrn2, new MongoAlerts(mongoTemplate));

        assertThatThrownBy(() ->
                        raiseAlerts(alerts, new MongoAuditTrail(mongoTemplate)).onAll(course()))
                .isInstanceOfSatisfying(
                        RaiseAlerts.Failed.class,
                        failed -> assertThat(failed.index()).isEqualTo(1));

        assertThat(published)
                .singleElement()
                .satisfies(event -> assertThat(event.patientId()).isEqualTo(mrn1));
        assertThat(storedAuditEntries()).containsExactlyElementsOf(eventIds(published));
        assertThat(episodesOf(mrn2)).isEmpty();
    }

    @Test
    void anAlertAcknowledgedDuringABatchKeepsTheAcknowledgementAndTheBatchsChangeIsAuditedOnlyOnceStored() {
        var mongoAlerts = new MongoAlerts(mongoTemplate);
        var audit = new MongoAuditTrail(mongoTemplate);
        raiseAlerts(mongoAlerts, audit).onAll(List.of(anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, 3)));
        var alertId = episodesOf(mrn1).getFirst().alertId();
        var acting = new ActOnAlert(mongoAlerts, audit, published::add, Duration.ofHours(4), clock);
        // A clinician acknowledges the alert after the batch read it and before the batch saves its change.
        var alerts = new BeforeFirstSave(mongoAlerts, () -> acting.acknowledge(alertId, "dr-who", null));
        var escalation = anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        published.clear();

        assertThatThrownBy(() -> raiseAlerts(alerts, audit).onAll(List.of(escalation)))
                .isInstanceOf(RaiseAlerts.Failed.class)
                .hasCauseInstanceOf(Alerts.ConcurrentAlertUpdate.class);
        assertThat(published).extracting(AlertChanged::transition).containsExactly(AlertTransition.ACKNOWLEDGED);
        assertThat(audit.of(alertId))
                .extracting(AlertChanged::assessmentEventId)
                .doesNotContain(escalation.eventId());

        raiseAlerts(mongoAlerts, audit).onAll(List.of(escalation));

        assertThat(audit.of(alertId))
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.RAISED, AlertTransition.ACKNOWLEDGED, AlertTransition.ESCALATED_GRADE);
        assertThat(episodesOf(mrn1))
                .singleElement()
                .satisfies(episode -> assertThat(episode.highestGrade()).isEqualTo(4));
    }

    @Test
    void aBatchWritesEachEpisodeOnceWithAllItsChanges() {
        raiseAlerts(new MongoAlerts(mongoTemplate), new MongoAuditTrail(mongoTemplate))
                .onAll(course());

        assertThat(episodesOf(mrn1)).singleElement().satisfies(episode -> {
            assertThat(episode.handledAssessments()).hasSize(3);
            assertThat(episode.version()).as("written once").isZero();
        });
    }

    @Test
    void aBatchWhoseBulkWriteLandedInPartIsAppliedAgainWithoutDuplicateEpisodesOrAuditEntries() {
        var mongoAlerts = new MongoAlerts(mongoTemplate);
        var audit = new MongoAuditTrail(mongoTemplate);
        raiseAlerts(mongoAlerts, audit).onAll(List.of(anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, 3)));
        var alertId = episodesOf(mrn1).getFirst().alertId();
        var acting = new ActOnAlert(mongoAlerts, audit, published::add, Duration.ofHours(4), clock);
        // mrn1's escalation is refused (a clinician acknowledged the alert meanwhile); mrn2's new episode is stored.
        var alerts = new BeforeFirstSave(mongoAlerts, () -> acting.acknowledge(alertId, "dr-who", null));
        var batch = List.of(
                anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                anAssessment(mrn2, Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3),
                anAssessment(mrn2, Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 4));
        published.clear();

        assertThatThrownBy(() -> raiseAlerts(alerts, audit).onAll(batch))
                .isInstanceOfSatisfying(
                        RaiseAlerts.Failed.class,
                        failed -> assertThat(failed.index()).isZero());
        assertThat(episodesOf(mrn2))
                .as("stored, though after the assessment that failed")
                .hasSize(1);
        raiseAlerts(mongoAlerts, audit).onAll(batch);
        raiseAlerts(mongoAlerts, audit).onAll(batch);

        assertThat(episodesOf(mrn1))
                .singleElement()
                .satisfies(episode -> assertThat(episode.highestGrade()).isEqualTo(4));
        assertThat(episodesOf(mrn2))
                .singleElement()
                .satisfies(episode -> assertThat(episode.highestGrade()).isEqualTo(4));
        var changes = published.stream()
                .filter(event -> event.transition() != AlertTransition.ACKNOWLEDGED)
                .map(AuditedInBatchesIT::id)
                .distinct()
                .toList();
        assertThat(changes).as("mrn1 escalated, mrn2 raised and escalated").hasSize(3);
        assertThat(storedAuditEntries())
                .as("each change audited once, with the acknowledgement and mrn1's raise")
                .hasSize(5)
                .doesNotHaveDuplicates()
                .containsAll(changes);
    }

    @Test
    void aBatchAppliedWithinOneMillisecondIsAuditedInTheOrderItsAssessmentsCame() {
        var audit = new MongoAuditTrail(mongoTemplate);

        raiseAlerts(new MongoAlerts(mongoTemplate), audit, ONE_INSTANT).onAll(oneToxicityWorsening());

        assertThat(audit.of(published.getFirst().alertId()))
                .extracting(AlertChanged::transition)
                .containsExactly(
                        AlertTransition.RAISED,
                        AlertTransition.UPDATED,
                        AlertTransition.UPDATED,
                        AlertTransition.ESCALATED_GRADE,
                        AlertTransition.UPDATED,
                        AlertTransition.UPDATED);
        assertThat(eventIds(audit.of(published.getFirst().alertId()))).containsExactlyElementsOf(eventIds(published));
    }

    @Test
    void aBatchAppliedWithinOneMillisecondWhoseAuditWriteFailedIsAuditedInOrderByTheNextRead() {
        var audit = new MongoAuditTrail(mongoTemplate);

        raiseAlerts(new MongoAlerts(mongoTemplate), new AuditWriteFails(audit), ONE_INSTANT)
                .onAll(oneToxicityWorsening());

        assertThat(storedAuditEntries()).isEmpty();
        assertThat(eventIds(audit.of(published.getFirst().alertId())))
                .as("audited from the stored episode, numbered as they were made")
                .containsExactlyElementsOf(eventIds(published));
    }

    /** One patient's neutrophils: three grade-3 results, then three grade-4 ones. */
    private List<ToxicityAssessed> oneToxicityWorsening() {
        var course = new ArrayList<ToxicityAssessed>();
        for (int grade : new int[] {3, 3, 3, 4, 4, 4}) {
            course.add(anAssessment(mrn1, Criterion.NEUTROPHIL_COUNT_DECREASED, grade));
        }
        return course;
    }

    private RaiseAlerts raiseAlerts(Alerts alerts, AuditTrail audit) {
        return raiseAlerts(alerts, audit, clock);
    }

    private RaiseAlerts raiseAlerts(Alerts alerts, AuditTrail audit, Clock clock) {
        return new RaiseAlerts(new AlertPolicy(), alerts, published::add, audit, clock);
    }

    private List<AlertEpisode> episodesOf(String patientId) {
        return new MongoAlerts(mongoTemplate).list(AlertFilter.of(null, patientId, 50));
    }

    /** The audit entries of this test's patients as stored, read without the alert store's help. */
    private List<String> storedAuditEntries() {
        var query = Query.query(Criteria.where("transition.patientId").in(mrn1, mrn2));
        return mongoTemplate.find(query, Document.class, "alert_audit").stream()
                .map(entry -> String.valueOf(entry.get("_id")))
                .toList();
    }

    private static List<String> eventIds(List<AlertChanged> events) {
        return events.stream().map(AuditedInBatchesIT::id).toList();
    }

    private static String id(AlertChanged event) {
        return event.eventId().toString();
    }

    private static List<AlertChanged> concat(List<AlertChanged> first, List<AlertChanged> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static final class CountingAuditTrail implements AuditTrail {
        private final AuditTrail trail;
        final AtomicInteger singleWrites = new AtomicInteger();
        final AtomicInteger bulkWrites = new AtomicInteger();

        CountingAuditTrail(AuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public void record(SequencedTransition transition) {
            singleWrites.incrementAndGet();
            trail.record(transition);
        }

        @Override
        public void recordAll(List<SequencedTransition> transitions) {
            bulkWrites.incrementAndGet();
            trail.recordAll(transitions);
        }

        @Override
        public List<AlertChanged> of(UUID alertId) {
            return trail.of(alertId);
        }
    }

    /** The store fails the audit write, as it would were the process stopped between the two writes. */
    private record AuditWriteFails(AuditTrail trail) implements AuditTrail {

        @Override
        public void record(SequencedTransition transition) {
            throw new IllegalStateException("the store refused the audit entry");
        }

        @Override
        public void recordAll(List<SequencedTransition> transitions) {
            throw new IllegalStateException("the store refused the audit entries");
        }

        @Override
        public List<AlertChanged> of(UUID alertId) {
            return trail.of(alertId);
        }
    }

    /** The store refuses one patient's episodes, as it would a document it cannot take. */
    private record StoreRefuses(String patientId, Alerts store) implements Alerts {

        @Override
        public Optional<AlertEpisode> findUnresolved(String patient, ToxicityFamily family) {
            return store.findUnresolved(patient, family);
        }

        @Override
        public AlertEpisode save(AlertEpisode episode) {
            return save(episode, List.of());
        }

        @Override
        public AlertEpisode save(AlertEpisode episode, List<SequencedTransition> unaudited) {
            if (episode.patientId().equals(patientId)) {
                throw new IllegalStateException("the store refused the episode");
            }
            return store.save(episode, unaudited);
        }

        @Override
        public Optional<AlertEpisode> find(UUID alertId) {
            return store.find(alertId);
        }

        @Override
        public List<AlertEpisode> list(AlertFilter filter) {
            return store.list(filter);
        }
    }

    /** Runs something once, just before the first save through it. */
    private static final class BeforeFirstSave implements Alerts {
        private final Alerts store;
        private Runnable before;

        BeforeFirstSave(Alerts store, Runnable before) {
            this.store = store;
            this.before = before;
        }

        @Override
        public Optional<AlertEpisode> findUnresolved(String patient, ToxicityFamily family) {
            return store.findUnresolved(patient, family);
        }

        @Override
        public java.util.Map<org.toxwatch.alerting.alert.application.EpisodeKey, AlertEpisode> findUnresolved(
                java.util.Collection<org.toxwatch.alerting.alert.application.EpisodeKey> keys) {
            return store.findUnresolved(keys);
        }

        @Override
        public AlertEpisode save(AlertEpisode episode) {
            return save(episode, List.of());
        }

        @Override
        public AlertEpisode save(AlertEpisode episode, List<SequencedTransition> unaudited) {
            runOnce();
            return store.save(episode, unaudited);
        }

        @Override
        public Stored saveAll(List<Saving> savings) {
            runOnce();
            return store.saveAll(savings);
        }

        private void runOnce() {
            var once = before;
            before = () -> {};
            once.run();
        }

        @Override
        public Optional<AlertEpisode> find(UUID alertId) {
            return store.find(alertId);
        }

        @Override
        public List<AlertEpisode> list(AlertFilter filter) {
            return store.list(filter);
        }
    }
}
