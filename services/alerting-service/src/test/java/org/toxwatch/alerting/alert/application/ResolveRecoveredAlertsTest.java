package org.toxwatch.alerting.alert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentAt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.MovableClock;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.RecoveryPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;

/** A return to grade 0 held for the configured time, on a clock the test moves. */
class ResolveRecoveredAlertsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();
    private final List<AlertChanged> published = new ArrayList<>();
    private final RaiseAlerts raiseAlerts =
            new RaiseAlerts(new AlertPolicy(), alerts, published::add, auditTrail, clock);
    private final ActOnAlert actOnAlert =
            new ActOnAlert(alerts, auditTrail, published::add, Duration.ofMinutes(60), clock);
    private final ResolveRecoveredAlerts resolveRecovered =
            new ResolveRecoveredAlerts(alerts, auditTrail, published::add, RecoveryPolicy.DEFAULT, clock);

    private UUID gradeThenBackToZero(int grade) {
        raiseAlerts.on(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, grade, clock.instant()));
        clock.advance(Duration.ofHours(6));
        raiseAlerts.on(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 0, clock.instant()));
        return alerts.stored().getFirst().alertId();
    }

    @Nested
    class AHighAlert {

        @Test
        void getsAResolutionProposalOnceGradeZeroHasHeldForADayAndStaysOpenUntilAClinicianConfirms() {
            UUID alertId = gradeThenBackToZero(4);

            clock.advance(Duration.ofHours(23).plusMinutes(59));
            assertThat(resolveRecovered.run()).isEmpty();

            clock.advance(Duration.ofMinutes(1));
            assertThat(resolveRecovered.run()).singleElement().satisfies(proposal -> {
                assertThat(proposal.transition()).isEqualTo(AlertTransition.UPDATED);
                assertThat(proposal.status()).isEqualTo(AlertStatus.OPEN);
                assertThat(proposal.actor()).isEqualTo("toxwatch");
                assertThat(proposal.reason()).startsWith("resolution proposed: grade 0 since 2026-11-20T15:00:00Z");
            });
            assertThat(alerts.find(alertId).orElseThrow().recovery().proposedAt())
                    .isEqualTo(clock.instant());

            clock.advance(Duration.ofHours(1));
            assertThat(resolveRecovered.run()).as("proposed once").isEmpty();

            actOnAlert.resolve(alertId, "dr.grey", "counts recovered, confirmed");
            assertThat(auditTrail.of(alertId))
                    .extracting(AlertChanged::transition, AlertChanged::actor)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(AlertTransition.RAISED, "toxwatch"),
                            org.assertj.core.groups.Tuple.tuple(AlertTransition.UPDATED, "toxwatch"),
                            org.assertj.core.groups.Tuple.tuple(AlertTransition.UPDATED, "toxwatch"),
                            org.assertj.core.groups.Tuple.tuple(AlertTransition.RESOLVED, "dr.grey"));
        }

        @Test
        void thatWorsensAgainLosesItsProposalAndCountsAgainFromTheNextGradeZero() {
            UUID alertId = gradeThenBackToZero(4);
            clock.advance(Duration.ofHours(24));
            resolveRecovered.run();

            raiseAlerts.on(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 2, clock.instant()));
            clock.advance(Duration.ofHours(2));
            raiseAlerts.on(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 0, clock.instant()));

            assertThat(alerts.find(alertId).orElseThrow().recovery().proposedAt())
                    .isNull();
            clock.advance(Duration.ofHours(23));
            assertThat(resolveRecovered.run()).isEmpty();
            clock.advance(Duration.ofHours(1));
            assertThat(resolveRecovered.run())
                    .extracting(AlertChanged::transition)
                    .containsExactly(AlertTransition.UPDATED);
        }
    }

    @Nested
    class AMediumAlert {

        @Test
        void isResolvedByToxWatchOnceGradeZeroHasHeldForADaySayingWhy() {
            UUID alertId = gradeThenBackToZero(3);
            assertThat(alerts.find(alertId).orElseThrow().priority()).isEqualTo(AlertPriority.MEDIUM);

            clock.advance(Duration.ofHours(24));

            assertThat(resolveRecovered.run()).singleElement().satisfies(resolution -> {
                assertThat(resolution.transition()).isEqualTo(AlertTransition.RESOLVED);
                assertThat(resolution.actor()).isEqualTo("toxwatch");
                assertThat(resolution.reason()).startsWith("resolved automatically: grade 0 since");
            });
            assertThat(alerts.find(alertId).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(auditTrail.of(alertId).getLast().transition()).isEqualTo(AlertTransition.RESOLVED);
        }

        @Test
        void thatReturnsAfterResolutionOpensANewEpisode() {
            gradeThenBackToZero(3);
            clock.advance(Duration.ofHours(24));
            resolveRecovered.run();

            raiseAlerts.on(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3, clock.instant()));

            assertThat(alerts.stored())
                    .extracting(AlertEpisode::status)
                    .containsExactly(AlertStatus.RESOLVED, AlertStatus.OPEN);
        }
    }

    @Test
    void theSustainedPeriodAndWhichPrioritiesAreOnlyProposedAreConfigurable() {
        var proposeNothingAfterSixHours = new ResolveRecoveredAlerts(
                alerts, auditTrail, published::add, new RecoveryPolicy(Duration.ofHours(6), Set.of()), clock);
        gradeThenBackToZero(4);

        clock.advance(Duration.ofHours(6));

        assertThat(proposeNothingAfterSixHours.run())
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.RESOLVED);
    }
}
