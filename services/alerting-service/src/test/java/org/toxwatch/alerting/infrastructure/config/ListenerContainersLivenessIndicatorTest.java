package org.toxwatch.alerting.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Liveness says DOWN only for a listener that stopped for good, so that Kubernetes restarts the process. */
class ListenerContainersLivenessIndicatorTest {

    @Test
    void isUpWhileEveryListenerRunsOrIsPaused() {
        var health = liveness(
                        true, List.of(running("alerting.assessment-reader"), paused("alerting.webhook-dispatcher")))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownWhenAListenerStoppedAbnormallyAndNamesIt() {
        var health = liveness(true, List.of(running("alerting.webhook-dispatcher"), died("alerting.assessment-reader")))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("stopped", List.of("alerting.assessment-reader"));
    }

    @Test
    void isUpBeforeTheListenersStartAndAfterTheyAreStoppedOnShutdown() {
        var health =
                liveness(false, List.of(died("alerting.assessment-reader"))).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void ignoresAListenerThatIsNotMeantToStartByItself() {
        var manual = new Container("manual", false, false, false, false);

        assertThat(liveness(true, List.of(manual)).health().getStatus()).isEqualTo(Status.UP);
    }

    private static ListenerContainersLivenessIndicator liveness(
            boolean started, Collection<MessageListenerContainer> containers) {
        return new ListenerContainersLivenessIndicator(() -> started, () -> containers);
    }

    private static MessageListenerContainer running(String id) {
        return new Container(id, true, true, true, false);
    }

    private static MessageListenerContainer paused(String id) {
        return new Container(id, true, true, true, true);
    }

    private static MessageListenerContainer died(String id) {
        return new Container(id, true, false, false, false);
    }

    /** A listener container as Spring Kafka reports it; no consumer behind it. */
    private record Container(String id, boolean autoStartup, boolean running, boolean inExpectedState, boolean paused)
            implements MessageListenerContainer {

        @Override
        public String getListenerId() {
            return id;
        }

        @Override
        public boolean isAutoStartup() {
            return autoStartup;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isInExpectedState() {
            return inExpectedState;
        }

        @Override
        public boolean isContainerPaused() {
            return paused;
        }

        @Override
        public void setupMessageListener(Object messageListener) {}

        @Override
        public Map<String, Map<MetricName, ? extends Metric>> metrics() {
            return Map.of();
        }

        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public void destroy() {}
    }
}
