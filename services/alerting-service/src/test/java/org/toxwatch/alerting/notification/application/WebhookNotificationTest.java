package org.toxwatch.alerting.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.MovableClock;
import org.toxwatch.alerting.alert.application.InMemoryAlerts;
import org.toxwatch.alerting.alert.application.InMemoryAuditTrail;
import org.toxwatch.alerting.alert.application.RaiseAlerts;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.DeliveryStatus;
import org.toxwatch.alerting.notification.domain.RetrySchedule;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.alerting.patient.application.InMemoryPatientFiles;
import org.toxwatch.alerting.patient.domain.PatientDetails;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.alerting.patient.domain.PatientRecords;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;

/** Alert transitions to webhook deliveries: one per state change and subscription, retried with back-off. */
class WebhookNotificationTest {

    private static final RetrySchedule RETRIES = new RetrySchedule(Duration.ofSeconds(10), 3.0, Duration.ofHours(1), 3);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final InMemoryWebhooks webhooks = new InMemoryWebhooks();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final List<AlertChanged> published = new ArrayList<>();
    private final RaiseAlerts raiseAlerts =
            new RaiseAlerts(new AlertPolicy(), alerts, published::add, new InMemoryAuditTrail(), clock);
    private final NotifySubscribers notifySubscribers = new NotifySubscribers(webhooks, webhooks, clock);
    private final ScriptedReceiver receiver = new ScriptedReceiver();
    private final InMemoryPatientFiles patients = new InMemoryPatientFiles();
    private final DeliverWebhooks deliverWebhooks =
            new DeliverWebhooks(webhooks, webhooks, receiver, patients, RETRIES, clock);

    private WebhookSubscription subscribe(Set<AlertTransition> transitions, Set<AlertPriority> priorities) {
        return subscribe("https://ehr.example/hooks", transitions, priorities, false);
    }

    private WebhookSubscription subscribe(
            String url, Set<AlertTransition> transitions, Set<AlertPriority> priorities, boolean demographics) {
        return webhooks.save(new WebhookSubscription(
                UUID.randomUUID(),
                "ehr",
                URI.create(url),
                "sixteen-characters",
                transitions,
                priorities,
                true,
                clock.instant(),
                demographics));
    }

    private AlertChanged raise(Criterion criterion, int grade) {
        return raiseAlerts.on(anAssessment("MRN-1", criterion, grade)).orElseThrow();
    }

    @Nested
    class ExactlyOneNotificationPerStateChange {

        @Test
        void aRedeliveredAssessmentAndATransitionReadTwiceAreDeliveredOnce() {
            subscribe(Set.of(), Set.of());
            var assessment = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
            raiseAlerts.on(assessment);
            raiseAlerts.on(assessment);

            published.forEach(notifySubscribers::on);
            published.forEach(notifySubscribers::on);
            deliverWebhooks.run();
            clock.advance(Duration.ofHours(2));
            deliverWebhooks.run();

            assertThat(published)
                    .as("the redelivery publishes the same transition again")
                    .extracting(AlertChanged::eventId)
                    .containsExactly(
                            published.getFirst().eventId(), published.getFirst().eventId());
            assertThat(receiver.received)
                    .extracting(d -> d.change().transition())
                    .containsExactly(AlertTransition.RAISED);
        }

        @Test
        void eachSubscriptionGetsOnlyTheTransitionsAndPrioritiesItAskedFor() {
            var highRaises = subscribe(Set.of(AlertTransition.RAISED), Set.of(AlertPriority.HIGH));
            var everything = subscribe(Set.of(), Set.of());

            notifySubscribers.on(raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
            notifySubscribers.on(raise(Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3));
            deliverWebhooks.run();

            assertThat(receiver.received)
                    .filteredOn(d -> d.subscriptionId().equals(highRaises.id()))
                    .extracting(d -> d.change().priority())
                    .containsExactly(AlertPriority.HIGH);
            assertThat(receiver.received)
                    .filteredOn(d -> d.subscriptionId().equals(everything.id()))
                    .hasSize(2);
        }

        @Test
        void anInactiveSubscriptionOrATransitionFromBeforeItExistedIsNotSent() {
            var earlier = raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
            clock.advance(Duration.ofMinutes(1));
            subscribe(Set.of(), Set.of());
            webhooks.save(subscribe(Set.of(), Set.of()).deactivated());

            assertThat(notifySubscribers.on(earlier)).isZero();
        }
    }

    @Nested
    class AFailedDelivery {

        @Test
        void isRetriedAfterTheBackOffAndLogsEveryAttempt() {
            var subscription = subscribe(Set.of(), Set.of());
            receiver.answers(503, 200);
            notifySubscribers.on(raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

            assertThat(deliverWebhooks.run()).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));
            });
            clock.advance(Duration.ofSeconds(9));
            assertThat(deliverWebhooks.run()).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            deliverWebhooks.run();

            assertThat(webhooks.of(subscription.id(), 10)).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(d.attempts())
                        .extracting(DeliveryAttempt::statusCode, DeliveryAttempt::failure)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(503, "HTTP 503"),
                                org.assertj.core.groups.Tuple.tuple(200, null));
            });
            assertThat(receiver.received)
                    .extracting(WebhookDelivery::deliveryId)
                    .as("the retry is the same delivery")
                    .containsOnly(receiver.received.getFirst().deliveryId());
        }

        @Test
        void isGivenUpAfterTheLastAttempt() {
            var subscription = subscribe(Set.of(), Set.of());
            receiver.answers(500, 500, 500, 200);
            notifySubscribers.on(raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

            for (int i = 0; i < 5; i++) {
                deliverWebhooks.run();
                clock.advance(Duration.ofHours(1));
            }

            assertThat(receiver.received).hasSize(3);
            assertThat(webhooks.of(subscription.id(), 10))
                    .singleElement()
                    .extracting(WebhookDelivery::status)
                    .isEqualTo(DeliveryStatus.FAILED);
        }
    }

    @Nested
    class ASenderThatBreaks {

        @Test
        void failsOnlyThatAttemptWhichIsRetriedAndTheOtherDeliveriesAreStillSent() {
            var subscription = subscribe(Set.of(), Set.of());
            receiver.answers(BREAKS, 200);
            notifySubscribers.on(raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
            notifySubscribers.on(raise(Criterion.PLATELET_COUNT_DECREASED, 4));

            var attempted = deliverWebhooks.run();

            assertThat(attempted)
                    .extracting(WebhookDelivery::status)
                    .containsExactlyInAnyOrder(DeliveryStatus.PENDING, DeliveryStatus.DELIVERED);
            assertThat(webhooks.of(subscription.id(), 10))
                    .filteredOn(d -> d.status() == DeliveryStatus.PENDING)
                    .singleElement()
                    .satisfies(d -> assertThat(d.attempts())
                            .extracting(DeliveryAttempt::failure)
                            .as("the kind of failure, never the exception's message")
                            .containsExactly("internal error: IllegalStateException"));
            clock.advance(Duration.ofSeconds(10));
            assertThat(deliverWebhooks.run())
                    .singleElement()
                    .extracting(WebhookDelivery::status)
                    .isEqualTo(DeliveryStatus.DELIVERED);
        }
    }

    @Nested
    class MinimumNecessary {

        @BeforeEach
        void thePatientIsKnown() {
            patients.save(PatientFile.of("MRN-1")
                    .apply(PatientRecords.anAdmittedChild("MRN-1", "2026-11-16T06:55:00Z")
                            .build()));
        }

        @Test
        void byDefaultAWebhookIsGivenNothingAboutThePatientButTheAlert() {
            var subscription = subscribe(Set.of(), Set.of());
            notifySubscribers.on(raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

            deliverWebhooks.run();

            assertThat(receiver.patients).containsExactly(Optional.empty());
            assertThat(subscription.includeDemographics()).isFalse();
        }

        @Test
        void aWebhookThatAskedForDemographicsIsGivenThePatientAsLastStated() {
            subscribe("https://ehr.example/hooks", Set.of(), Set.of(), true);
            notifySubscribers.on(raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

            deliverWebhooks.run();

            assertThat(receiver.patients)
                    .singleElement()
                    .satisfies(patient ->
                            assertThat(patient.orElseThrow().familyName()).isEqualTo("Example"));
        }

        @Test
        void anEMailSubscriptionIsNeverGivenThePatientEvenIfItAsked() {
            subscribe("mailto:ward@hospital.example", Set.of(), Set.of(), true);
            notifySubscribers.on(raise(Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

            deliverWebhooks.run();

            assertThat(receiver.patients).containsExactly(Optional.empty());
        }
    }

    /** A scripted answer: the sender throws instead of answering. */
    private static final int BREAKS = -1;

    /** A receiver answering with the scripted HTTP statuses in turn, then 200. */
    private static final class ScriptedReceiver implements WebhookSender {
        private final Deque<Integer> statuses = new ArrayDeque<>();
        private final List<WebhookDelivery> received = new ArrayList<>();
        private final List<Optional<PatientDetails>> patients = new ArrayList<>();

        void answers(Integer... script) {
            statuses.addAll(List.of(script));
        }

        @Override
        public DeliveryAttempt send(
                WebhookSubscription subscription,
                WebhookDelivery delivery,
                @Nullable PatientDetails patient,
                Instant now) {
            received.add(delivery);
            patients.add(Optional.ofNullable(patient));
            int status = statuses.isEmpty() ? 200 : statuses.poll();
            if (status == BREAKS) {
                throw new IllegalStateException("receiver for patient MRN-1 broke");
            }
            boolean ok = status < 300;
            return new DeliveryAttempt(delivery.nextAttemptNumber(), now, ok, status, ok ? null : "HTTP " + status);
        }
    }
}
