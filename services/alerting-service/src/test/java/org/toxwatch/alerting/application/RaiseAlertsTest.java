package org.toxwatch.alerting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.domain.Assessments.anAssessment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.domain.AlertEpisode;
import org.toxwatch.alerting.domain.AlertPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityFamily;

class RaiseAlertsTest {

    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final List<AlertChanged> published = new ArrayList<>();
    private final RaiseAlerts raiseAlerts = new RaiseAlerts(
            new AlertPolicy(),
            alerts,
            published::add,
            Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC));

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
    void aRedeliveredAssessmentChangesNothing() {
        var assessment = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4);

        raiseAlerts.on(assessment);
        var second = raiseAlerts.on(assessment);

        assertThat(second).isEmpty();
        assertThat(alerts.stored()).hasSize(1);
        assertThat(published).hasSize(1);
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
    void aGradeThatNeedsNoAlertOpensNoEpisode() {
        assertThat(raiseAlerts.on(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 1)))
                .isEmpty();
        assertThat(alerts.stored()).isEmpty();
    }

    /** A plain in-memory port implementation: the use case under test never sees MongoDB. */
    private static final class InMemoryAlerts implements Alerts {
        private final Map<UUID, AlertEpisode> byId = new LinkedHashMap<>();

        @Override
        public Optional<AlertEpisode> findUnresolved(String patientId, ToxicityFamily family) {
            return byId.values().stream()
                    .filter(e -> e.patientId().equals(patientId) && e.family() == family)
                    .filter(e -> e.status() != AlertStatus.RESOLVED)
                    .findFirst();
        }

        @Override
        public AlertEpisode save(AlertEpisode episode) {
            byId.put(episode.alertId(), episode);
            return episode;
        }

        @Override
        public List<AlertEpisode> list(@Nullable AlertStatus status, @Nullable String patientId, int limit) {
            return List.copyOf(byId.values());
        }

        List<AlertEpisode> stored() {
            return List.copyOf(byId.values());
        }
    }
}
