package org.toxwatch.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Monitoring is ready when it grades: from the topology's first run on, not from its start. */
class GradingReadinessTest {

    private final AtomicReference<State> state = new AtomicReference<>();
    private final KafkaStreamsHealthIndicator readiness = new KafkaStreamsHealthIndicator(state::get);

    @Test
    void notReadyBeforeTheClientExists() {
        assertThat(readiness()).isEqualTo(Status.DOWN);
    }

    @Test
    void notReadyWhileTheFirstRebalanceJoinsTheGroupAndRestoresTheStores() {
        state.set(State.CREATED);
        assertThat(readiness()).isEqualTo(Status.DOWN);

        state.set(State.REBALANCING);
        assertThat(readiness()).isEqualTo(Status.DOWN);
    }

    @Test
    void readyOnceItRunsAndStaysReadyThroughALaterRebalance() {
        state.set(State.REBALANCING);
        readiness();

        state.set(State.RUNNING);
        assertThat(readiness()).isEqualTo(Status.UP);

        state.set(State.REBALANCING);
        assertThat(readiness()).isEqualTo(Status.UP);
    }

    @Test
    void notReadyOnceStoppedOrFailedEvenAfterRunning() {
        state.set(State.RUNNING);
        readiness();

        for (State gone : new State[] {State.PENDING_ERROR, State.ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
            state.set(gone);
            assertThat(readiness()).as(gone.name()).isEqualTo(Status.DOWN);
        }
    }

    private Status readiness() {
        return readiness.health().getStatus();
    }
}
