package org.toxwatch.monitoring.config;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Liveness: DOWN once the grading client has failed or stopped, states it never leaves by itself, so that
 * the process is restarted. Readiness ({@link KafkaStreamsHealthIndicator}) is DOWN too until grading has begun.
 */
final class KafkaStreamsLivenessIndicator extends AbstractHealthIndicator {

    private static final Set<KafkaStreams.State> DEAD = Set.of(
            KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.ERROR,
            KafkaStreams.State.PENDING_SHUTDOWN,
            KafkaStreams.State.NOT_RUNNING);

    private final StreamsBuilderFactoryBean streams;

    KafkaStreamsLivenessIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            builder.up().withDetail("state", "STARTING");
            return;
        }
        KafkaStreams.State state = kafkaStreams.state();
        (DEAD.contains(state) ? builder.down() : builder.up()).withDetail("state", state.name());
    }
}
