package org.toxwatch.alerting.alert.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.toxwatch.alerting.alert.application.AlertEventPublisher;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Counts every alert transition, times acknowledgements and the delay from observation to alert, around the real
 * publisher. Tags are bounded enums
 * (transition, priority, criterion); never a patient id.
 */
public final class MeteredAlertEventPublisher implements AlertEventPublisher {

    private final AlertEventPublisher delegate;
    private final Alerts alerts;
    private final MeterRegistry meterRegistry;

    public MeteredAlertEventPublisher(AlertEventPublisher delegate, Alerts alerts, MeterRegistry meterRegistry) {
        this.delegate = delegate;
        this.alerts = alerts;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public void publish(AlertChanged event) {
        delegate.publish(event);
        count(event);
    }

    @Override
    public Sending send(AlertChanged event) {
        var sending = delegate.send(event);
        return () -> {
            sending.await();
            count(event);
        };
    }

    /** The episode as just stored is the one the timers would read back, so it is not read. */
    @Override
    public Sending send(AlertChanged event, AlertEpisode episode) {
        var sending = delegate.send(event);
        return () -> {
            sending.await();
            countTransition(event);
            time(event, episode);
        };
    }

    private void count(AlertChanged event) {
        countTransition(event);
        if (AlertEpisode.notifies(event.transition()) || event.transition() == AlertTransition.ACKNOWLEDGED) {
            alerts.find(event.alertId()).ifPresent(episode -> time(event, episode));
        }
    }

    private void countTransition(AlertChanged event) {
        meterRegistry
                .counter(
                        "toxwatch.alerts.transitions",
                        "transition",
                        event.transition().name(),
                        "priority",
                        event.priority().name(),
                        "criterion",
                        event.criterion().name())
                .increment();
    }

    private void time(AlertChanged event, AlertEpisode episode) {
        if (AlertEpisode.notifies(event.transition())) {
            timeToAlert(event, episode.latest());
        }
        if (event.transition() == AlertTransition.ACKNOWLEDGED) {
            Timer.builder("toxwatch.alerts.time.to.acknowledge")
                    .description("From an alert being raised to a clinician acknowledging it")
                    .tag("priority", event.priority().name())
                    .publishPercentileHistogram()
                    .register(meterRegistry)
                    .record(Duration.between(episode.createdAt(), event.occurredAt()));
        }
    }

    /**
     * Two delays to the same alert: from the observation's clinical time, which includes laboratory turnaround and a
     * feed's batching, and from ToxWatch's receipt of the event that produced the grade, which is ToxWatch's own.
     */
    private void timeToAlert(AlertChanged event, ToxicityAssessed assessment) {
        Timer.builder("toxwatch.alerts.observation.to.alert")
                .description("From the newest observation behind an alerting grade to the alert (raised or worsened),"
                        + " laboratory turnaround included: how late clinicians hear of it")
                .tag("priority", event.priority().name())
                .publishPercentileHistogram()
                .register(meterRegistry)
                .record(Duration.between(assessment.assessedAt(), event.occurredAt()));
        var receivedAt = assessment.receivedAt();
        if (receivedAt != null) {
            Timer.builder("toxwatch.alerts.receipt.to.alert")
                    .description("From ToxWatch receiving the event that produced an alerting grade to the alert"
                            + " (raised or worsened): ToxWatch's own part of the delay")
                    .tag("priority", event.priority().name())
                    .publishPercentileHistogram()
                    .register(meterRegistry)
                    .record(Duration.between(receivedAt, event.occurredAt()));
        }
    }
}
