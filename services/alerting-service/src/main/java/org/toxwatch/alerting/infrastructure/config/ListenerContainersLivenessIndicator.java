package org.toxwatch.alerting.infrastructure.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Liveness: DOWN once a listener container that should run has stopped abnormally (its consumer thread died on a
 * fatal error), which it never recovers from by itself, so that the process is restarted. Paused containers and
 * rebalances are normal; so is everything before the listeners start and after they are stopped on shutdown.
 */
final class ListenerContainersLivenessIndicator extends AbstractHealthIndicator {

    private final BooleanSupplier listenersStarted;
    private final Supplier<Collection<MessageListenerContainer>> containers;

    ListenerContainersLivenessIndicator(KafkaListenerEndpointRegistry registry) {
        this(registry::isRunning, registry::getListenerContainers);
    }

    ListenerContainersLivenessIndicator(
            BooleanSupplier listenersStarted, Supplier<Collection<MessageListenerContainer>> containers) {
        this.listenersStarted = listenersStarted;
        this.containers = containers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!listenersStarted.getAsBoolean()) {
            builder.up().withDetail("listeners", "not running (starting or shutting down)");
            return;
        }
        var stopped = new ArrayList<String>();
        var all = containers.get();
        for (MessageListenerContainer container : all) {
            if (container.isAutoStartup() && !container.isInExpectedState()) {
                stopped.add(container.getListenerId());
            }
        }
        (stopped.isEmpty() ? builder.up() : builder.down())
                .withDetail("containers", all.size())
                .withDetail("stopped", stopped);
    }
}
