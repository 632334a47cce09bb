package org.toxwatch.alerting.alert.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.Assessments;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityFamily;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** The alert store against a real MongoDB-wire server (or a MongoDB container where Docker exists). */
@DataMongoTest
class MongoAlertsIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "alerts-it");
    }

    @Autowired
    MongoTemplate mongoTemplate;

    private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-20T10:00:00Z");
    private static final AlertDecision HIGH =
            new AlertDecision(AlertPriority.HIGH, "grade 4 -> high", AlertPolicy.VERSION);
    private static final AlertDecision MEDIUM =
            new AlertDecision(AlertPriority.MEDIUM, "grade 3 -> medium", AlertPolicy.VERSION);

    @Test
    void anEpisodeRoundTripsWithItsEvidenceExactly() {
        var alerts = new MongoAlerts(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var raised = AlertEpisode.raise(
                anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4), HIGH, UUID.randomUUID(), Instant.now());

        alerts.save(raised.episode());
        var found = alerts.findUnresolved(patient, ToxicityFamily.CYTOPENIA).orElseThrow();

        assertThat(found.alertId()).isEqualTo(raised.episode().alertId());
        assertThat(found.latest()).isEqualTo(raised.episode().latest());
        assertThat(found.latest().evidence().getFirst().value()).isEqualByComparingTo("0.4");
        assertThat(found.handledAssessments()).isEqualTo(raised.episode().handledAssessments());
        assertThat(found.version()).isNotNull();
    }

    @Test
    void anEpisodeKeepsItsRecoveryProgress() {
        var alerts = new MongoAlerts(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        Instant raisedAt = Instant.parse("2026-11-20T09:00:00Z");
        var raised = AlertEpisode.raise(
                Assessments.anAssessmentAt(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4, raisedAt),
                HIGH,
                UUID.randomUUID(),
                raisedAt);
        var recovering = alerts.save(raised.episode())
                .apply(
                        Assessments.anAssessmentAt(
                                patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 0, raisedAt.plusSeconds(3600)),
                        java.util.Optional.empty(),
                        raisedAt.plusSeconds(3600));

        alerts.save(recovering.episode());

        var found = alerts.find(raised.episode().alertId()).orElseThrow();
        assertThat(found.recovery()).isEqualTo(recovering.episode().recovery());
        assertThat(found.recovery().normalSince()).isEqualTo(raisedAt.plusSeconds(3600));
    }

    @Test
    void anEpisodeWithdrawnByACorrectionKeepsWhatItsGradesRestOnAndIsFoundByTheCorrection() {
        var alerts = new MongoAlerts(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var wrong = anAssessment(patient, Criterion.HYPERKALEMIA, 3);
        var raised = AlertEpisode.raise(wrong, MEDIUM, UUID.randomUUID(), Instant.now());
        var stored = alerts.save(raised.episode());
        var correction = Assessments.afterCorrectionOf(wrong, Criterion.HYPERKALEMIA, 0);

        alerts.save(stored.apply(correction, java.util.Optional.empty(), Instant.now())
                .episode());

        assertThat(stored.bases()).isEqualTo(raised.episode().bases());
        assertThat(alerts.findUnresolved(patient, ToxicityFamily.METABOLIC)).isEmpty();
        assertThat(alerts.findHandling(patient, ToxicityFamily.METABOLIC, correction.eventId()))
                .get()
                .satisfies(found -> {
                    assertThat(found.alertId()).isEqualTo(raised.episode().alertId());
                    assertThat(found.status()).isEqualTo(AlertStatus.RESOLVED);
                    assertThat(found.highestGrade()).isZero();
                    assertThat(found.latest().withdrawnEvidence()).isEqualTo(correction.withdrawnEvidence());
                });
        assertThat(alerts.findHandling(patient, ToxicityFamily.METABOLIC, UUID.randomUUID()))
                .isEmpty();
    }

    @Test
    void aStaleCopyCannotOverwriteANewerOne() {
        var alerts = new MongoAlerts(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var raised = AlertEpisode.raise(
                anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
                MEDIUM,
                UUID.randomUUID(),
                Instant.now());
        var stored = alerts.save(raised.episode());
        var newer = stored.apply(
                anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                java.util.Optional.of(HIGH),
                Instant.now());
        alerts.save(newer.episode());

        var stale = stored.apply(
                anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
                java.util.Optional.of(MEDIUM),
                Instant.now());

        assertThatThrownBy(() -> alerts.save(stale.episode())).isInstanceOf(Alerts.ConcurrentAlertUpdate.class);
    }

    @Test
    void theAuditTrailKeepsEachTransitionOnceInTheOrderTheyWereMade() {
        var audit = new MongoAuditTrail(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var raised = AlertEpisode.raise(
                anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                HIGH,
                UUID.randomUUID(),
                Instant.parse("2026-11-20T09:00:00Z"));
        var acknowledged = ((AlertEpisode.Decision.Changed)
                        raised.episode().acknowledge("dr.grey", "on my way", Instant.parse("2026-11-20T09:04:00Z")))
                .change();

        audit.record(acknowledged.transition());
        audit.record(raised.transition());
        audit.record(raised.transition());

        assertThat(audit.of(raised.episode().alertId())).containsExactly(raised.event(), acknowledged.event());
    }

    @Test
    void aBatchWrittenAgainWithOneTransitionMoreAddsOnlyThatOne() {
        var audit = new MongoAuditTrail(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var raised = AlertEpisode.raise(
                anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 3), MEDIUM, UUID.randomUUID(), NINE);
        var escalated = raised.episode()
                .apply(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4), Optional.of(HIGH), NINE);
        var acknowledged = changed(escalated.episode().acknowledge("dr.grey", null, NINE));

        audit.recordAll(List.of(raised.transition(), escalated.transition()));
        audit.recordAll(List.of(raised.transition(), escalated.transition(), acknowledged.transition()));

        assertThat(audit.of(raised.episode().alertId()))
                .containsExactly(raised.event(), escalated.event(), acknowledged.event());
    }

    @Test
    void transitionsMadeAtOneInstantComeBackInTheOrderTheyWereMadeWhateverOrderTheyWereWrittenIn() {
        var audit = new MongoAuditTrail(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var raised = AlertEpisode.raise(
                anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 3), MEDIUM, UUID.randomUUID(), NINE);
        var updated = raised.episode()
                .apply(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 3), Optional.of(MEDIUM), NINE);
        var escalated = updated.episode()
                .apply(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4), Optional.of(HIGH), NINE);
        var updatedAgain = escalated
                .episode()
                .apply(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4), Optional.of(HIGH), NINE);
        var acknowledged = changed(updatedAgain.episode().acknowledge("dr.grey", null, NINE));
        var made = List.of(raised, updated, escalated, updatedAgain, acknowledged);

        audit.recordAll(
                made.reversed().stream().map(AlertEpisode.Change::transition).toList());

        assertThat(audit.of(raised.episode().alertId()))
                .containsExactlyElementsOf(
                        made.stream().map(AlertEpisode.Change::event).toList());
    }

    @Test
    void entriesWrittenBeforeTransitionsWereNumberedComeFirstByTheirInstantThenTheNumberedOnesByNumber() {
        var alerts = new MongoAlerts(mongoTemplate);
        var audit = new MongoAuditTrail(mongoTemplate);
        var raised = AlertEpisode.raise(
                anAssessment("MRN-" + UUID.randomUUID(), Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                HIGH,
                UUID.randomUUID(),
                NINE);
        var acknowledged = changed(raised.episode().acknowledge("dr.grey", null, NINE.plusSeconds(240)));
        var alertId = raised.episode().alertId();
        // As the earlier version stored them: neither the entries nor the episode carry numbers.
        mongoTemplate.insert(AuditEntryDocument.from((Integer) null, acknowledged.event()));
        mongoTemplate.insert(AuditEntryDocument.from((Integer) null, raised.event()));
        alerts.save(acknowledged.episode());
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(alertId.toString())),
                new Update().unset("transitions"),
                AlertDocument.class);
        var stored = alerts.find(alertId).orElseThrow();
        var assigned = changed(stored.assign("dr.grey", "dr.house", TEN));
        var resolved = changed(assigned.episode().resolve("dr.house", "recovered", TEN));

        audit.recordAll(List.of(resolved.transition(), assigned.transition()));

        assertThat(assigned.transition().sequence())
                .as("an episode stored before transitions were numbered numbers its next one 1")
                .isEqualTo(1);
        assertThat(audit.of(alertId))
                .containsExactly(raised.event(), acknowledged.event(), assigned.event(), resolved.event());
    }

    @Test
    void twoWritersNumberingTheSameTransitionAreSerialisedByTheCompareAndSetAndTheLaterNumbersOnFromTheStore() {
        var alerts = new MongoAlerts(mongoTemplate);
        var raised = AlertEpisode.raise(
                anAssessment("MRN-" + UUID.randomUUID(), Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                HIGH,
                UUID.randomUUID(),
                NINE);
        alerts.save(raised.episode(), List.of(raised.transition()));
        var read = alerts.find(raised.episode().alertId()).orElseThrow();
        var acknowledged = changed(read.acknowledge("dr.grey", null, TEN));
        var assigned = changed(read.assign("dr.grey", "dr.house", TEN));
        assertThat(List.of(acknowledged, assigned))
                .as("both made from the same read")
                .allSatisfy(change -> assertThat(change.transition().sequence()).isEqualTo(2));

        alerts.save(acknowledged.episode(), List.of(acknowledged.transition()));

        assertThatThrownBy(() -> alerts.save(assigned.episode(), List.of(assigned.transition())))
                .isInstanceOf(Alerts.ConcurrentAlertUpdate.class);
        var reread = alerts.find(raised.episode().alertId()).orElseThrow();
        assertThat(reread.transitions()).isEqualTo(2);
        assertThat(changed(reread.assign("dr.grey", "dr.house", TEN))
                        .transition()
                        .sequence())
                .isEqualTo(3);
    }

    private static AlertEpisode.Change changed(AlertEpisode.Decision decision) {
        assertThat(decision).isInstanceOf(AlertEpisode.Decision.Changed.class);
        return ((AlertEpisode.Decision.Changed) decision).change();
    }

    @Test
    void anEpisodeIsFoundByItsId() {
        var alerts = new MongoAlerts(mongoTemplate);
        var raised = AlertEpisode.raise(
                anAssessment("MRN-" + UUID.randomUUID(), Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                HIGH,
                UUID.randomUUID(),
                Instant.now());
        alerts.save(raised.episode());

        assertThat(alerts.find(raised.episode().alertId()))
                .get()
                .extracting(AlertEpisode::alertId)
                .isEqualTo(raised.episode().alertId());
        assertThat(alerts.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theQueueListsHighPriorityFirstThenNewest() {
        var alerts = new MongoAlerts(mongoTemplate);
        String patient = aMediumThenAHighAlertFor(alerts);

        var queue = alerts.list(AlertStatus.OPEN, patient, 10);

        assertThat(queue).extracting(AlertEpisode::priority).containsExactly(AlertPriority.HIGH, AlertPriority.MEDIUM);
    }

    @Test
    void theQueueFiltersByPriorityAndCriterionAndPages() {
        var alerts = new MongoAlerts(mongoTemplate);
        String patient = aMediumThenAHighAlertFor(alerts);

        var medium = alerts.list(new AlertFilter(null, patient, AlertPriority.MEDIUM, null, 0, 10));
        var neutropenia =
                alerts.list(new AlertFilter(null, patient, null, Criterion.NEUTROPHIL_COUNT_DECREASED, 0, 10));
        var secondPage = alerts.list(new AlertFilter(null, patient, null, null, 1, 1));

        assertThat(medium)
                .extracting(e -> e.latest().criterion())
                .containsExactly(Criterion.ALANINE_AMINOTRANSFERASE_INCREASED);
        assertThat(neutropenia).extracting(AlertEpisode::priority).containsExactly(AlertPriority.HIGH);
        assertThat(secondPage)
                .as("page 1 of size 1: the second in queue order")
                .extracting(AlertEpisode::priority)
                .containsExactly(AlertPriority.MEDIUM);
    }

    @Test
    void everyEpisodeInAStatusIsReadOnceHoweverManyPagesTheQueueWouldTake() {
        var alerts = new MongoAlerts(mongoTemplate);
        String ward = "MRN-" + UUID.randomUUID() + "-";
        var savings = new ArrayList<Alerts.Saving>();
        for (int i = 0; i <= Alerts.EACH_IN_PAGE; i++) {
            var raised = AlertEpisode.raise(
                    anAssessment(ward + i, Criterion.NEUTROPHIL_COUNT_DECREASED, 4), HIGH, UUID.randomUUID(), NINE);
            savings.add(new Alerts.Saving(raised.episode(), List.of()));
        }
        var stored = alerts.saveAll(savings);
        assertThat(stored.failure()).isNull();
        var first = stored.episodes().get(savings.getFirst().episode().alertId());
        var acknowledged = first.acknowledge("dr.grey", null, TEN);
        alerts.save(((AlertEpisode.Decision.Changed) acknowledged).change().episode());

        assertThat(everyIn(alerts, AlertStatus.OPEN))
                .filteredOn(episode -> episode.patientId().startsWith(ward))
                .extracting(AlertEpisode::alertId)
                .containsExactlyInAnyOrderElementsOf(savings.stream()
                        .skip(1)
                        .map(saving -> saving.episode().alertId())
                        .toList());
        assertThat(everyIn(alerts, AlertStatus.ACKNOWLEDGED))
                .filteredOn(episode -> episode.patientId().startsWith(ward))
                .extracting(AlertEpisode::alertId)
                .containsExactly(first.alertId());
    }

    private static List<AlertEpisode> everyIn(Alerts alerts, AlertStatus status) {
        var handed = new ArrayList<AlertEpisode>();
        alerts.eachIn(status, handed::add);
        return handed;
    }

    /** A medium ALT alert at 10:00 and a high neutropenia alert at 09:00 for a new patient; returns the patient. */
    private static String aMediumThenAHighAlertFor(MongoAlerts alerts) {
        String patient = "MRN-" + UUID.randomUUID();
        alerts.save(AlertEpisode.raise(
                        anAssessment(patient, Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3),
                        MEDIUM,
                        UUID.randomUUID(),
                        Instant.parse("2026-11-20T10:00:00Z"))
                .episode());
        alerts.save(AlertEpisode.raise(
                        anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                        HIGH,
                        UUID.randomUUID(),
                        Instant.parse("2026-11-20T09:00:00Z"))
                .episode());
        return patient;
    }
}
