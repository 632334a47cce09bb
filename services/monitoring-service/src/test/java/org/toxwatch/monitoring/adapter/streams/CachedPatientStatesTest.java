package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.model.ClinicalEvents.MORNING_DRAW;
import static org.toxwatch.model.ClinicalEvents.anAncOf;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.monitoring.domain.PatientState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cache in front of a task's store is bounded by the records its states keep, least recently used first, and
 * always serves what the store last took from it. A state evicted is read from the store again: the tests see that
 * by changing the store behind the cache's back.
 */
class CachedPatientStatesTest {

    /** Each state below keeps 3 records, so counts 4; the cache takes 10, i.e. two of them. */
    private static final int CAPACITY = 10;

    private final KeyValueStore<String, PatientState> store = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE),
                    Serdes.String(),
                    new MonitoringSerdes(JsonMapper.builder().build()).patientState())
            .withLoggingDisabled()
            .build();
    private final CachedPatientStates states = new CachedPatientStates(store, CAPACITY);

    @BeforeEach
    void openStore() {
        var context = new MockProcessorContext<String, GradingOutput>();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void aStateCountsTheRecordsItKeeps() {
        assertThat(withAncs("p-1", 3).keptRecords()).isEqualTo(3);
        assertThat(PatientState.empty("p-1").keptRecords()).isZero();
    }

    @Test
    void statesWithinTheBoundAreServedFromTheCache() {
        states.put("p-1", withAncs("p-1", 3));
        states.put("p-2", withAncs("p-2", 3));

        emptyTheStoreBehindTheCache("p-1", "p-2");

        assertThat(states.get("p-1").keptRecords()).isEqualTo(3);
        assertThat(states.get("p-2").keptRecords()).isEqualTo(3);
    }

    @Test
    void theLeastRecentlyUsedStateGoesWhenTheRecordsExceedTheBound() {
        states.put("p-1", withAncs("p-1", 3));
        states.put("p-2", withAncs("p-2", 3));
        states.get("p-1");
        states.put("p-3", withAncs("p-3", 3));

        emptyTheStoreBehindTheCache("p-1", "p-2", "p-3");

        assertThat(states.get("p-1").keptRecords())
                .as("used last but one, kept")
                .isEqualTo(3);
        assertThat(states.get("p-3").keptRecords()).as("written last, kept").isEqualTo(3);
        assertThat(states.get("p-2").keptRecords())
                .as("least recently used, read again")
                .isZero();
    }

    @Test
    void aStateThatGrowsPushesOthersOut() {
        states.put("p-1", withAncs("p-1", 1));
        states.put("p-2", withAncs("p-2", 1));
        states.put("p-2", withAncs("p-2", 8));

        emptyTheStoreBehindTheCache("p-1", "p-2");

        assertThat(states.get("p-2").keptRecords()).isEqualTo(8);
        assertThat(states.get("p-1").keptRecords()).isZero();
    }

    @Test
    void aStateLargerThanTheBoundIsStillCachedAlone() {
        states.put("p-1", withAncs("p-1", 1));
        states.put("p-big", withAncs("p-big", 20));

        emptyTheStoreBehindTheCache("p-1", "p-big");

        assertThat(states.get("p-big").keptRecords()).isEqualTo(20);
        assertThat(states.get("p-1").keptRecords()).isZero();
    }

    @Test
    void aDeletedStateIsNoLongerServedAndFreesItsRecords() {
        states.put("p-1", withAncs("p-1", 3));
        states.put("p-2", withAncs("p-2", 3));
        assertThat(states.delete("p-1").keptRecords()).isEqualTo(3);
        states.put("p-3", withAncs("p-3", 3));

        emptyTheStoreBehindTheCache("p-2");

        assertThat(states.get("p-1")).isNull();
        assertThat(states.get("p-2").keptRecords())
                .as("still cached beside p-3")
                .isEqualTo(3);
    }

    /** Stores an empty state for each patient directly, so a state served with results came from the cache. */
    private void emptyTheStoreBehindTheCache(String... patients) {
        for (String patient : patients) {
            store.put(patient, PatientState.empty(patient));
        }
    }

    private static PatientState withAncs(String patient, int results) {
        var state = PatientState.empty(patient);
        for (int i = 0; i < results; i++) {
            state = state.apply(anAncOf(patient, "2." + i, MORNING_DRAW.plus(Duration.ofHours(i))));
        }
        return state;
    }
}
