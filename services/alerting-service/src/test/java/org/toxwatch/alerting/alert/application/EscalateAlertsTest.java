package org.toxwatch.alerting.alert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.MovableClock;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.EscalationPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;

/** Escalation with a clock the test moves: nobody waits ten minutes. */
class EscalateAlertsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();
    private final List<AlertChanged> published = new ArrayList<>();
    private final RaiseAlerts raiseAlerts =
            new RaiseAlerts(new AlertPolicy(), alerts, published::add, auditTrail, clock);
    private final ActOnAlert actOnAlert =
            new ActOnAlert(alerts, auditTrail, published::add, Duration.ofMinutes(60), clock);
    private final EscalateAlerts escalateAlerts =
            new EscalateAlerts(alerts, auditTrail, published::add, EscalationPolicy.DEFAULT, clock);

    @Test
    void anUnacknowledgedHighAlertClimbsATierEveryTenMinutesThenKeepsRemindingTheLastTier() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(escalateAlerts.run()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(escalateAlerts.run())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("on-call physician"));

        clock.advance(Duration.ofMinutes(10));
        assertThat(escalateAlerts.run())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("attending"));

        clock.advance(Duration.ofMinutes(10));
        assertThat(escalateAlerts.run())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("attending"));

        assertThat(auditTrail.all())
                .extracting(AlertChanged::transition)
                .containsExactly(
                        AlertTransition.RAISED,
                        AlertTransition.ESCALATED_TIER,
                        AlertTransition.ESCALATED_TIER,
                        AlertTransition.ESCALATED_TIER);
        assertThat(alerts.stored())
                .singleElement()
                .extracting(AlertEpisode::escalationTier)
                .isEqualTo(2);
    }

    @Test
    void moreUnacknowledgedAlertsThanOnePageHoldAreEveryOneEscalated() {
        int alertCount = Alerts.EACH_IN_PAGE + 1;
        for (int i = 0; i < alertCount; i++) {
            raiseAlerts.on(anAssessment("MRN-" + i, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        }

        clock.advance(Duration.ofMinutes(10));

        assertThat(escalateAlerts.run()).hasSize(alertCount);
        assertThat(alerts.stored())
                .allSatisfy(alert -> assertThat(alert.escalationTier()).isEqualTo(1));
    }

    @Test
    void anAcknowledgementStopsEscalation() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        UUID alertId = alerts.stored().getFirst().alertId();
        clock.advance(Duration.ofMinutes(5));
        actOnAlert.acknowledge(alertId, "dr.grey", null);

        clock.advance(Duration.ofHours(2));

        assertThat(escalateAlerts.run()).isEmpty();
    }

    @Test
    void aSnoozedAlertStaysQuietUntilTheSnoozeEndsThenReopensAndEscalatesAgain() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        UUID alertId = alerts.stored().getFirst().alertId();
        assertThat(actOnAlert.snooze(alertId, "dr.grey", Duration.ofMinutes(30), "waiting for the repeat count"))
                .isInstanceOf(ActOnAlert.Outcome.Done.class);

        clock.advance(Duration.ofMinutes(29));
        assertThat(escalateAlerts.run()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(escalateAlerts.run()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(e.reason()).isEqualTo("snooze ended");
        });

        clock.advance(Duration.ofMinutes(10));
        assertThat(escalateAlerts.run())
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.ESCALATED_TIER);
    }

    @Test
    void aSnoozeIsBounded() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        UUID alertId = alerts.stored().getFirst().alertId();

        assertThat(actOnAlert.snooze(alertId, "dr.grey", Duration.ofMinutes(61), null))
                .isInstanceOf(ActOnAlert.Outcome.Refused.class);
        assertThat(actOnAlert.snooze(alertId, "dr.grey", Duration.ZERO, null))
                .isInstanceOf(ActOnAlert.Outcome.Refused.class);
        assertThat(alerts.find(alertId).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void assigningNotifiesTheAssigneeSoEscalationCountsFromThen() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        UUID alertId = alerts.stored().getFirst().alertId();
        clock.advance(Duration.ofMinutes(8));

        actOnAlert.assign(alertId, "dr.grey", "dr.house");

        clock.advance(Duration.ofMinutes(5));
        assertThat(escalateAlerts.run()).isEmpty();
        assertThat(alerts.find(alertId).orElseThrow().assignee()).isEqualTo("dr.house");
        assertThat(auditTrail.all().getLast()).satisfies(t -> {
            assertThat(t.transition()).isEqualTo(AlertTransition.ASSIGNED);
            assertThat(t.actor()).isEqualTo("dr.grey");
            assertThat(t.reason()).isEqualTo("assigned to dr.house");
        });
    }

    @Test
    void aMediumAlertWaitsThirtyMinutesAndALowOneNeverEscalates() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3));
        raiseAlerts.on(org.toxwatch.alerting.alert.domain.Assessments.anAssessmentDuringTherapy(
                "MRN-2", Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 2));

        clock.advance(Duration.ofMinutes(29));
        assertThat(escalateAlerts.run()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(escalateAlerts.run())
                .singleElement()
                .extracting(AlertChanged::patientId)
                .isEqualTo("MRN-1");

        clock.advance(Duration.ofDays(1));
        assertThat(escalateAlerts.run()).extracting(AlertChanged::patientId).containsOnly("MRN-1");
    }

    @Test
    void aHigherGradeNotifiesAgainAndRestartsTheEscalationClock() {
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3));
        clock.advance(Duration.ofMinutes(25));
        raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        clock.advance(Duration.ofMinutes(9));
        assertThat(escalateAlerts.run()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(escalateAlerts.run()).hasSize(1);
    }
}
