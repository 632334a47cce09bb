package org.toxwatch.alerting.alert.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.alert.domain.Assessments.receivedAt;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.application.InMemoryAlerts;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;

class MeteredAlertEventPublisherTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AlertChanged> delivered = new ArrayList<>();

    @Test
    void countsTransitionsByBoundedTagsAndTimesTheAlertAndTheAcknowledgement() {
        Instant raisedAt = Instant.parse("2026-11-20T09:00:00Z");
        var raised = AlertEpisode.raise(
                anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                new AlertDecision(AlertPriority.HIGH, "grade 4 -> high", AlertPolicy.VERSION),
                UUID.randomUUID(),
                raisedAt);
        var acknowledged = ((AlertEpisode.Decision.Changed)
                        raised.episode().acknowledge("dr.grey", null, raisedAt.plus(Duration.ofMinutes(7))))
                .change();
        var alerts = new InMemoryAlerts();
        alerts.save(raised.episode());
        var publisher = new MeteredAlertEventPublisher(delivered::add, alerts, registry);

        publisher.publish(raised.event());
        publisher.publish(acknowledged.event());

        assertThat(delivered).hasSize(2);
        assertThat(registry.get("toxwatch.alerts.transitions")
                        .tags("transition", "RAISED", "priority", "HIGH", "criterion", "NEUTROPHIL_COUNT_DECREASED")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        var timeToAcknowledge =
                registry.get("toxwatch.alerts.time.to.acknowledge").timer();
        assertThat(timeToAcknowledge.count()).isEqualTo(1);
        assertThat(timeToAcknowledge.totalTime(TimeUnit.MINUTES)).isEqualTo(7.0);
        var observationToAlert = registry.get("toxwatch.alerts.observation.to.alert")
                .tags("priority", "HIGH")
                .timer();
        assertThat(observationToAlert.count()).as("raised, not acknowledged").isEqualTo(1);
        assertThat(observationToAlert.totalTime(TimeUnit.MINUTES))
                .as("observed 08:00, raised 09:00")
                .isEqualTo(60.0);
        assertThat(registry.find("toxwatch.alerts.receipt.to.alert").timer())
                .as("an assessment whose receipt is not known is not timed from receipt")
                .isNull();
        assertThat(registry.getMeters())
                .flatExtracting(meter -> meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("MRN"));
    }

    @Test
    void timesTheAlertFromReceiptBesideFromCollectionSoThatLaboratoryTurnaroundIsToldApart() {
        Instant raisedAt = Instant.parse("2026-11-20T09:00:00Z");
        var assessment =
                receivedAt(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4), raisedAt.minusMillis(180));
        var raised = AlertEpisode.raise(
                assessment,
                new AlertDecision(AlertPriority.HIGH, "grade 4 -> high", AlertPolicy.VERSION),
                UUID.randomUUID(),
                raisedAt);
        var alerts = new InMemoryAlerts();
        alerts.save(raised.episode());

        new MeteredAlertEventPublisher(delivered::add, alerts, registry).publish(raised.event());

        var receiptToAlert = registry.get("toxwatch.alerts.receipt.to.alert")
                .tags("priority", "HIGH")
                .timer();
        assertThat(receiptToAlert.count()).isEqualTo(1);
        assertThat(receiptToAlert.totalTime(TimeUnit.MILLISECONDS))
                .as("received 180 ms before")
                .isEqualTo(180.0);
        assertThat(registry.get("toxwatch.alerts.observation.to.alert").timer().totalTime(TimeUnit.MINUTES))
                .as("collected 08:00, laboratory turnaround included")
                .isEqualTo(60.0);
    }
}
