package org.toxwatch.monitoring.config;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Readiness: UP once the grading topology has been seen running, and from then on while it runs or rebalances; DOWN
 * before that (joining its group and restoring its stores, when nothing is graded yet) and when it stopped or failed.
 * So a fresh or restarted process is ready when it grades, not when it has merely started. A later rebalance keeps
 * it ready: alerting's grading watch shows how long records wait meanwhile.
 */
final class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

    /** The client's state, or null before the client exists. */
    private final Supplier<KafkaStreams.@Nullable State> state;

    private volatile boolean running;

    KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        this(() -> {
            KafkaStreams kafkaStreams = streams.getKafkaStreams();
            return kafkaStreams == null ? null : kafkaStreams.state();
        });
    }

    KafkaStreamsHealthIndicator(Supplier<KafkaStreams.@Nullable State> state) {
        this.state = state;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State now = state.get();
        if (now == null) {
            builder.down().withDetail("state", "NOT_STARTED");
            return;
        }
        if (now == KafkaStreams.State.RUNNING) {
            running = true;
        }
        boolean ready = now == KafkaStreams.State.RUNNING || (running && now == KafkaStreams.State.REBALANCING);
        (ready ? builder.up() : builder.down()).withDetail("state", now.name());
    }
}
