package org.toxwatch.alerting.alert.adapter.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.toxwatch.alerting.MovableClock;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.EscalateAlerts;
import org.toxwatch.alerting.alert.application.InMemoryAlerts;
import org.toxwatch.alerting.alert.application.InMemoryAuditTrail;
import org.toxwatch.alerting.alert.application.RaiseAlerts;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.EscalationPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityFamily;

/**
 * The escalation clock when the store fails its pass: the scheduler keeps ticking, every failure is counted and
 * logged without the store's message, health turns DOWN after three failed passes in a row and UP again with the
 * first pass that works, which escalates what fell due meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class EscalationSchedulerTest {

    private static final String PATIENT = "MRN-" + UUID.randomUUID();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final FailingStore alerts = new FailingStore();
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();
    private final List<AlertChanged> published = new ArrayList<>();
    private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final AlertClocks clocks = new AlertClocks(meterRegistry, clock);
    private final AlertClocksHealthIndicator health = new AlertClocksHealthIndicator(clocks);
    private final EscalationScheduler scheduler = new EscalationScheduler(
            new EscalateAlerts(alerts, auditTrail, published::add, EscalationPolicy.DEFAULT, clock),
            clocks,
            meterRegistry);

    @Test
    void aClockThatKeepsFailingIsCountedAndShownDownUntilAPassWorksAgain(CapturedOutput output) {
        new RaiseAlerts(new AlertPolicy(), alerts, published::add, auditTrail, clock)
                .on(anAssessment(PATIENT, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        alerts.failing = true;

        clock.advance(Duration.ofMinutes(10));
        scheduler.escalateDueAlerts();
        scheduler.escalateDueAlerts();
        assertThat(health.health(true).getStatus()).as("two failed passes").isEqualTo(Status.UP);
        scheduler.escalateDueAlerts();

        assertThat(failures("escalation")).isEqualTo(3);
        assertThat(failures("recovery")).isZero();
        var down = health.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("escalation").toString()).contains("failedInARow=3");
        assertThat(published).extracting(AlertChanged::transition).containsExactly(AlertTransition.RAISED);
        assertThat(output.getAll())
                .contains("The escalation clock's pass failed (3 in a row)", "IllegalStateException")
                .doesNotContain(PATIENT);

        alerts.failing = false;
        scheduler.escalateDueAlerts();

        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(clocks.runs(AlertClocks.Sweep.ESCALATION).lastSucceeded()).isEqualTo(clock.instant());
        assertThat(published)
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.RAISED, AlertTransition.ESCALATED_TIER);
    }

    private double failures(String clockTag) {
        return meterRegistry
                .get("toxwatch.alerting.clock.failures")
                .tag("clock", clockTag)
                .counter()
                .count();
    }

    /** The alert store; while failing, a listing throws as H2 did under load, quoting what it was reading. */
    private static final class FailingStore implements Alerts {

        private final InMemoryAlerts stored = new InMemoryAlerts();
        boolean failing;

        @Override
        public Optional<AlertEpisode> findUnresolved(String patientId, ToxicityFamily family) {
            return stored.findUnresolved(patientId, family);
        }

        @Override
        public AlertEpisode save(AlertEpisode episode) {
            return stored.save(episode);
        }

        @Override
        public Optional<AlertEpisode> find(UUID alertId) {
            return stored.find(alertId);
        }

        @Override
        public List<AlertEpisode> list(AlertFilter filter) {
            if (failing) {
                throw new IllegalStateException("Chunk 209 not found while reading " + PATIENT);
            }
            return stored.list(filter);
        }
    }
}
