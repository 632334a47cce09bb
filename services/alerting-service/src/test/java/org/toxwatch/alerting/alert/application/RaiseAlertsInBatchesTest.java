package org.toxwatch.alerting.alert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;

/**
 * A poll of assessments applied at once has the effects of applying them one by one, in order, and an assessment
 * that fails is named, with every assessment before it complete.
 */
class RaiseAlertsInBatchesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final List<AlertChanged> published = new ArrayList<>();

    private final List<ToxicityAssessed> course = List.of(
            anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
            anAssessment("MRN-2", Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3),
            anAssessment("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 4),
            anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
            anAssessment("MRN-2", Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 4));

    @Test
    void aBatchMakesTheSameChangesAsItsAssessmentsOneByOne() {
        var oneByOne = new InMemoryAlerts();
        var oneByOneAudit = new InMemoryAuditTrail();
        var oneByOnePublished = new ArrayList<AlertChanged>();
        var single = new RaiseAlerts(new AlertPolicy(), oneByOne, oneByOnePublished::add, oneByOneAudit, clock);
        course.forEach(single::on);

        raiseAlerts().onAll(course);

        assertThat(published)
                .extracting(AlertChanged::patientId, AlertChanged::transition, AlertChanged::grade)
                .containsExactlyElementsOf(oneByOnePublished.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.patientId(), e.transition(), e.grade()))
                        .toList());
        assertThat(published)
                .extracting(AlertChanged::transition)
                .containsExactly(
                        AlertTransition.RAISED,
                        AlertTransition.RAISED,
                        AlertTransition.ESCALATED_GRADE,
                        AlertTransition.UPDATED,
                        AlertTransition.ESCALATED_GRADE);
        assertThat(audit.all()).containsExactlyElementsOf(published);
        assertThat(alerts.stored())
                .extracting(AlertEpisode::patientId, AlertEpisode::highestGrade, AlertEpisode::handledAssessments)
                .containsExactlyElementsOf(oneByOne.stored().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(
                                e.patientId(), e.highestGrade(), e.handledAssessments()))
                        .toList());
    }

    @Test
    void aRedeliveredBatchChangesNothingAndPublishesTheSameTransitionsAgain() {
        var raiseAlerts = raiseAlerts();
        raiseAlerts.onAll(course);
        var first = List.copyOf(published);
        var stored = alerts.stored();

        raiseAlerts.onAll(course);

        assertThat(alerts.stored()).isEqualTo(stored);
        assertThat(audit.all()).hasSize(first.size());
        assertThat(published)
                .as("the same events again, which consumers de-duplicate by their ids")
                .containsExactlyElementsOf(concat(first, first));
    }

    @Test
    void anAssessmentThatCannotBeStoredIsNamedAndThoseBeforeItTookFullEffect() {
        var failing = new StoreFailingFor("MRN-2", alerts);
        var raiseAlerts = new RaiseAlerts(new AlertPolicy(), failing, published::add, audit, clock);

        assertThatThrownBy(() -> raiseAlerts.onAll(course))
                .isInstanceOfSatisfying(
                        RaiseAlerts.Failed.class,
                        failed -> assertThat(failed.index()).isEqualTo(1));

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.patientId()).isEqualTo("MRN-1");
            assertThat(event.transition()).isEqualTo(AlertTransition.RAISED);
        });
        assertThat(audit.all()).containsExactlyElementsOf(published);
        assertThat(alerts.stored()).extracting(AlertEpisode::patientId).containsExactly("MRN-1");
    }

    @Test
    void aTransitionThatCouldNotBePublishedNamesItsAssessmentAndIsPublishedWhenTheBatchIsRetried() {
        var brokerRefuses = new java.util.concurrent.atomic.AtomicBoolean(true);
        AlertEventPublisher publisher = new AlertEventPublisher() {
            @Override
            public void publish(AlertChanged event) {
                send(event).await();
            }

            @Override
            public Sending send(AlertChanged event) {
                boolean refused = event.transition() == AlertTransition.ESCALATED_GRADE && brokerRefuses.get();
                return () -> {
                    if (refused) {
                        throw new IllegalStateException("could not publish alert event " + event.eventId());
                    }
                    published.add(event);
                };
            }
        };
        var raiseAlerts = new RaiseAlerts(new AlertPolicy(), alerts, publisher, audit, clock);

        assertThatThrownBy(() -> raiseAlerts.onAll(course))
                .isInstanceOfSatisfying(
                        RaiseAlerts.Failed.class,
                        failed -> assertThat(failed.index())
                                .as("the first escalation, of MRN-1's cytopenia")
                                .isEqualTo(2));
        brokerRefuses.set(false);
        raiseAlerts.onAll(course.subList(2, course.size()));

        assertThat(published)
                .filteredOn(event -> event.transition() == AlertTransition.ESCALATED_GRADE)
                .as("each escalation published, the first with the event id it was audited with")
                .hasSize(2)
                .allSatisfy(event -> assertThat(audit.all()).contains(event));
        assertThat(audit.all()).hasSize(course.size());
    }

    private RaiseAlerts raiseAlerts() {
        return new RaiseAlerts(new AlertPolicy(), alerts, published::add, audit, clock);
    }

    private static List<AlertChanged> concat(List<AlertChanged> first, List<AlertChanged> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The store refuses to save one patient's episodes, as it would a document it cannot take. */
    private record StoreFailingFor(String patientId, Alerts store) implements Alerts {

        @Override
        public Optional<AlertEpisode> findUnresolved(String patient, ToxicityFamily family) {
            return store.findUnresolved(patient, family);
        }

        @Override
        public AlertEpisode save(AlertEpisode episode) {
            if (episode.patientId().equals(patientId)) {
                throw new IllegalStateException("the store refused the episode");
            }
            return store.save(episode);
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
