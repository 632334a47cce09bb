package org.toxwatch.alerting.console.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.application.InMemoryAlerts;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.patient.application.InMemoryPatientFiles;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.Criterion;

/** A queue that does not hold every alert says so, rather than look whole. */
class AlertQueueControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final AlertQueueController controller = new AlertQueueController(alerts, new InMemoryPatientFiles());

    private void openAlerts(int count) {
        for (int i = 0; i < count; i++) {
            alerts.save(AlertEpisode.raise(
                            anAssessment("MRN-" + i, Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
                            new AlertDecision(AlertPriority.MEDIUM, "grade 3 -> medium", AlertPolicy.VERSION),
                            UUID.randomUUID(),
                            NOW)
                    .episode());
        }
    }

    @Test
    void aQueueHoldingEveryOpenAlertCarriesNoTruncationHeader() {
        openAlerts(AlertQueueController.MAX_PER_STATUS);

        var answer = controller.queue(null);

        assertThat(answer.getBody()).hasSize(AlertQueueController.MAX_PER_STATUS);
        assertThat(answer.getHeaders().containsHeader(AlertQueueController.TRUNCATED_HEADER))
                .isFalse();
    }

    @Test
    void oneOpenAlertMoreThanTheQueueHoldsIsNamedInTheHeader() {
        openAlerts(AlertQueueController.MAX_PER_STATUS + 1);

        var answer = controller.queue(null);

        assertThat(answer.getBody()).hasSize(AlertQueueController.MAX_PER_STATUS);
        assertThat(answer.getHeaders().getFirst(AlertQueueController.TRUNCATED_HEADER))
                .isEqualTo(AlertStatus.OPEN.name());
    }
}
