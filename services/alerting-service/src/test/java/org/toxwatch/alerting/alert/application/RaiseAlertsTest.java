package org.toxwatch.alerting.alert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.Assessments;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityFamily;

class RaiseAlertsTest {

    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final List<AlertChanged> published = new ArrayList<>();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    private final RaiseAlerts raiseAlerts = new RaiseAlerts(new AlertPolicy(), alerts, published::add, audit, clock);
    private final ActOnAlert actOnAlert = new ActOnAlert(alerts, audit, published::add, Duration.ofMinutes(60), clock);

    @Test
    void aGradeFourRaisesOneHighAlertEpisode() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        assertThat(alerts.stored()).singleElement().satisfies(episode -> {
            assertThat(episode.priority()).isEqualTo(AlertPriority.HIGH);
            assertThat(episode.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(episode.highestGrade()).isEqualTo(4);
        });
        assertThat(published).extracting(AlertChanged::transition).containsExactly(AlertTransition.RAISED);
    }

    @Test
    void aRedeliveredAssessmentChangesNothingAndRepublishesTheSameTransition() {
        var assessment = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4);

        raiseAlerts.on(assessment);
        var second = raiseAlerts.on(assessment);

        assertThat(second).isEmpty();
        assertThat(alerts.stored()).hasSize(1);
        assertThat(audit.all()).hasSize(1);
        assertThat(published)
                .as("the same event again, which consumers de-duplicate by its id")
                .containsExactly(audit.all().getFirst(), audit.all().getFirst());
    }

    @Test
    void aTransitionWhosePublishingFailedIsPublishedWhenTheListenerRetriesTheAssessment() {
        var brokerDown = new java.util.concurrent.atomic.AtomicBoolean(true);
        var delivered = new ArrayList<AlertChanged>();
        var raising = new RaiseAlerts(
                new AlertPolicy(),
                alerts,
                event -> {
                    if (brokerDown.getAndSet(false)) {
                        throw new IllegalStateException("could not publish alert event " + event.eventId());
                    }
                    delivered.add(event);
                },
                audit,
                clock);
        var assessment = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> raising.on(assessment))
                .isInstanceOf(IllegalStateException.class);
        raising.on(assessment);

        assertThat(delivered).singleElement().satisfies(event -> {
            assertThat(event.transition()).isEqualTo(AlertTransition.RAISED);
            assertThat(event).isEqualTo(audit.all().getFirst());
        });
    }

    @Test
    void aHigherGradeInTheSameFamilyEscalatesTheOpenEpisodeAndALowerOneUpdatesItSilently() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3));
        raiseAlerts.on(anAssessment("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 4));
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3));

        assertThat(alerts.stored()).singleElement().satisfies(episode -> {
            assertThat(episode.family()).isEqualTo(ToxicityFamily.CYTOPENIA);
            assertThat(episode.highestGrade()).isEqualTo(4);
            assertThat(episode.priority()).isEqualTo(AlertPriority.HIGH);
            assertThat(episode.latest().criterion()).isEqualTo(Criterion.NEUTROPHIL_COUNT_DECREASED);
        });
        assertThat(published)
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.RAISED, AlertTransition.ESCALATED_GRADE, AlertTransition.UPDATED);
        assertThat(published)
                .filteredOn(e -> AlertEpisode.notifies(e.transition()))
                .hasSize(2);
    }

    @Test
    void differentFamiliesAndPatientsHaveTheirOwnEpisodes() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        raiseAlerts.on(anAssessment("MRN-1", Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3));
        raiseAlerts.on(anAssessment("MRN-2", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        assertThat(alerts.stored()).hasSize(3);
    }

    @Test
    void everyTransitionIsInTheAuditTrailWithWhoMadeIt() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3));
        UUID alertId = alerts.stored().getFirst().alertId();
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        var acknowledged = actOnAlert.acknowledge(alertId, "dr.grey", "calling the patient");
        var resolved = actOnAlert.resolve(alertId, "dr.grey", "G-CSF started; counts recovering");

        assertThat(acknowledged).isInstanceOf(ActOnAlert.Outcome.Done.class);
        assertThat(resolved).isInstanceOf(ActOnAlert.Outcome.Done.class);
        assertThat(audit.of(alertId))
                .extracting(AlertChanged::transition, AlertChanged::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertTransition.RAISED, "toxwatch"),
                        org.assertj.core.groups.Tuple.tuple(AlertTransition.ESCALATED_GRADE, "toxwatch"),
                        org.assertj.core.groups.Tuple.tuple(AlertTransition.ACKNOWLEDGED, "dr.grey"),
                        org.assertj.core.groups.Tuple.tuple(AlertTransition.RESOLVED, "dr.grey"));
        assertThat(audit.of(alertId).getLast().reason()).isEqualTo("G-CSF started; counts recovering");
        assertThat(published).hasSize(4);
    }

    @Test
    void anAlertCannotBeAcknowledgedTwiceNorAnUnknownOneAtAll() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        UUID alertId = alerts.stored().getFirst().alertId();
        actOnAlert.acknowledge(alertId, "dr.grey", null);

        assertThat(actOnAlert.acknowledge(alertId, "dr.house", null)).isInstanceOf(ActOnAlert.Outcome.Refused.class);
        assertThat(actOnAlert.acknowledge(UUID.randomUUID(), "dr.house", null))
                .isInstanceOf(ActOnAlert.Outcome.NotFound.class);
        assertThat(audit.of(alertId)).extracting(AlertChanged::actor).containsExactly("toxwatch", "dr.grey");
    }

    @Test
    void aResolvedEpisodeIsClosedSoTheNextAlertingGradeOpensANewOne() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        UUID first = alerts.stored().getFirst().alertId();
        actOnAlert.resolve(first, "dr.grey", "recovered");

        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        assertThat(alerts.stored())
                .hasSize(2)
                .extracting(AlertEpisode::status)
                .containsExactly(AlertStatus.RESOLVED, AlertStatus.OPEN);
    }

    @Test
    void aRedeliveredCorrectionThatWithdrewTheAlertChangesNothingAndRepublishesTheWithdrawal() {
        var wrong = anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3);
        raiseAlerts.on(wrong);
        var correction = Assessments.afterCorrectionOf(wrong, Criterion.HYPERKALEMIA, 0);

        raiseAlerts.on(correction);
        var again = raiseAlerts.on(correction);

        assertThat(again).isEmpty();
        assertThat(alerts.stored())
                .singleElement()
                .satisfies(episode -> assertThat(episode.status()).isEqualTo(AlertStatus.RESOLVED));
        assertThat(audit.all())
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.RAISED, AlertTransition.RESOLVED);
        assertThat(published)
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.RAISED, AlertTransition.RESOLVED, AlertTransition.RESOLVED);
        assertThat(published.get(2)).isEqualTo(published.get(1));
    }

    @Test
    void aCorrectionToAnotherAlertingGradeAfterTheAlertWasWithdrawnOpensANewOne() {
        var wrong = anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3);
        raiseAlerts.on(wrong);
        raiseAlerts.on(Assessments.afterCorrectionOf(wrong, Criterion.HYPERKALEMIA, 0));

        raiseAlerts.on(anAssessment("MRN-1", Criterion.HYPERKALEMIA, 4));

        assertThat(alerts.stored())
                .extracting(AlertEpisode::status)
                .containsExactly(AlertStatus.RESOLVED, AlertStatus.OPEN);
    }

    @Test
    void aGradeThatNeedsNoAlertOpensNoEpisode() {
        assertThat(raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 1)))
                .isEmpty();
        assertThat(alerts.stored()).isEmpty();
    }
}
