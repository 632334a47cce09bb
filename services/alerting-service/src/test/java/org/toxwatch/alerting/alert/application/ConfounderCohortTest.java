package org.toxwatch.alerting.alert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCancellationOf;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCorrectionOf;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.alert.domain.Assessments.withCaveats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.EscalationPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;

/**
 * The cohort of issue 14: nine patients whose only abnormal value is a confounder (three results corrected to normal,
 * three cancelled, three from hemolyzed specimens), as monitoring publishes them. Before, every one paged. Now none
 * is left paging: the corrected and cancelled ones are withdrawn, the hemolyzed ones wait at low priority.
 */
class ConfounderCohortTest {

    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final List<AlertChanged> published = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    private final RaiseAlerts raiseAlerts = new RaiseAlerts(new AlertPolicy(), alerts, published::add, audit, clock);

    @Test
    void noConfounderIsLeftPagingAClinician() {
        for (int patient = 1; patient <= 3; patient++) {
            var wrong = anAssessment("MRN-C" + patient, Criterion.HYPERKALEMIA, 3);
            raiseAlerts.on(wrong);
            raiseAlerts.on(afterCorrectionOf(wrong, Criterion.HYPERKALEMIA, 0));
        }
        for (int patient = 1; patient <= 3; patient++) {
            var wrong = anAssessment("MRN-X" + patient, Criterion.PLATELET_COUNT_DECREASED, 4);
            raiseAlerts.on(wrong);
            raiseAlerts.on(afterCancellationOf(wrong, Criterion.PLATELET_COUNT_DECREASED, null));
        }
        for (int patient = 1; patient <= 3; patient++) {
            raiseAlerts.on(withCaveats(
                    anAssessment("MRN-H" + patient, Criterion.HYPERKALEMIA, 3), AssessmentCaveat.HEMOLYZED_SPECIMEN));
        }

        var escalations = new EscalateAlerts(
                        alerts,
                        audit,
                        published::add,
                        EscalationPolicy.DEFAULT,
                        Clock.offset(clock, Duration.ofHours(12)))
                .run();

        var stillOpen = alerts.stored().stream()
                .filter(episode -> episode.status() != AlertStatus.RESOLVED)
                .toList();
        assertThat(alerts.stored().stream().filter(episode -> episode.status() == AlertStatus.RESOLVED))
                .as("corrected or cancelled: withdrawn")
                .hasSize(6)
                .allSatisfy(episode -> assertThat(
                                audit.of(episode.alertId()).getLast().reason())
                        .startsWith("source result c"));
        assertThat(stillOpen)
                .as("hemolyzed: queued at low priority, awaiting confirmation")
                .hasSize(3)
                .allSatisfy(episode -> {
                    assertThat(episode.priority()).isEqualTo(AlertPriority.LOW);
                    assertThat(episode.awaitsConfirmation()).isTrue();
                });
        assertThat(escalations).as("nobody is paged up the tiers").isEmpty();
        assertThat(stillOpen).extracting(AlertEpisode::patientId).containsExactly("MRN-H1", "MRN-H2", "MRN-H3");
    }
}
