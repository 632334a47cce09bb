package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalEvents;
import org.toxwatch.monitoring.domain.PatientState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patient state store writes each state once per commit: a put keeps the state, reads see it, and the flush
 * Kafka Streams makes before it commits writes it beneath, in the commit's transaction. A state that cannot be
 * written there fails the commit and is written at once afterwards, so its event can fail alone.
 */
class StatesWrittenAtCommitTest {

    private static final String REFUSED = "MRN-REFUSED";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private final ImmediateStateWrites immediate = new ImmediateStateWrites(clock);
    private final AtomicInteger serialized = new AtomicInteger();
    private final KeyValueStore<String, PatientState> beneath = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE),
                    Serdes.String(),
                    countingAndRefusing(
                            new MonitoringSerdes(JsonMapper.builder().build()).patientState()))
            .withLoggingDisabled()
            .build();
    private final StatesWrittenAtCommit store = new StatesWrittenAtCommit(beneath, immediate);

    @BeforeEach
    void initialise() {
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theStatesOfOneCommitAreSerializedOnceEachAtTheFlush() {
        PatientState first = stateWithAnAnc("MRN-1", "0.3");
        PatientState second = first.apply(ClinicalEvents.anAncOf("MRN-1", "0.2", later(1)));
        PatientState third = second.apply(ClinicalEvents.anAncOf("MRN-1", "0.1", later(2)));

        store.put("MRN-1", first);
        store.put("MRN-1", second);
        store.put("MRN-1", third);
        store.put("MRN-2", stateWithAnAnc("MRN-2", "1.0"));

        assertThat(serialized).as("nothing is serialized before the flush").hasValue(0);
        assertThat(store.get("MRN-1")).as("a read sees the state put last").isEqualTo(third);

        store.flushCache();

        assertThat(serialized).as("one write per patient").hasValue(2);
        assertThat(beneath.get("MRN-1")).isEqualTo(third);
        assertThat(store.unwrittenCount()).isZero();
    }

    @Test
    void aDirtyCloseForgetsTheStatesOfTheUncommittedTransaction() {
        store.put("MRN-1", stateWithAnAnc("MRN-1", "0.3"));

        store.close();

        assertThat(serialized).hasValue(0);
        assertThat(store.unwrittenCount()).isZero();
    }

    @Test
    void aStateThatCannotBeWrittenAtTheCommitFailsItWithoutNamingThePatientAndIsWrittenAtOnceAfterTheRevival() {
        store.put("MRN-1", stateWithAnAnc("MRN-1", "0.3"));
        store.put(REFUSED, stateWithAnAnc(REFUSED, "0.3"));

        assertThatThrownBy(store::flushCache)
                .isInstanceOf(StreamsException.class)
                .hasMessage("1 patient state(s) could not be written at the commit (IllegalStateException)")
                .hasMessageNotContaining(REFUSED);
        assertThat(beneath.get("MRN-1"))
                .as("the other patients' states were written")
                .isNotNull();

        // The task is revived from its last commit with a new store, and reads the same events again.
        var revived = new StatesWrittenAtCommit(beneath, immediate);
        assertThatThrownBy(() -> revived.put(REFUSED, stateWithAnAnc(REFUSED, "0.3")))
                .as("now the put itself fails, so the processor dead-letters the event")
                .isInstanceOf(IllegalStateException.class);
        revived.put("MRN-1", stateWithAnAnc("MRN-1", "0.2"));
        assertThat(revived.unwrittenCount())
                .as("every other patient still waits for the commit")
                .isEqualTo(1);
    }

    @Test
    void afterTheWindowTheRefusedPatientsStatesWaitForTheCommitAgain() {
        var now = new AtomicReference<>(Instant.parse("2026-12-07T08:00:00Z"));
        var writes = new ImmediateStateWrites(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        writes.failedAtCommit(List.of(REFUSED));

        now.set(now.get().plus(ImmediateStateWrites.AFTER_A_FAILED_COMMIT));
        assertThat(writes.atOnce(REFUSED)).as("at the end of the window").isTrue();
        now.set(now.get().plusSeconds(1));
        assertThat(writes.atOnce(REFUSED)).as("after it").isFalse();
        assertThat(writes.atOnce("MRN-OTHER")).isFalse();
    }

    @Test
    void aStateTheProcessorCannotVouchForIsWrittenAtOnceAndOnlyThatOne() {
        immediate.nextWriteOf("MRN-1");

        store.put("MRN-1", stateWithAnAnc("MRN-1", "0.3"));
        assertThat(serialized).hasValue(1);
        assertThat(beneath.get("MRN-1")).isNotNull();

        store.put("MRN-1", stateWithAnAnc("MRN-1", "0.2"));
        assertThat(serialized).as("the next state waits again").hasValue(1);
        assertThat(store.unwrittenCount()).isEqualTo(1);
    }

    @Test
    void aStateRefusedAtOnceLeavesTheStatePutBeforeAsThePatients() {
        PatientState before = stateWithAnAnc(REFUSED, "0.3");
        store.put(REFUSED, before);
        immediate.nextWriteOf(REFUSED);

        assertThatThrownBy(() -> store.put(REFUSED, stateWithAnAnc(REFUSED, "0.2")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.get(REFUSED)).isEqualTo(before);
    }

    @Test
    void aScanOnTheTasksThreadWritesTheWaitingStatesFirst() {
        store.put("MRN-1", stateWithAnAnc("MRN-1", "0.3"));
        store.put("MRN-2", stateWithAnAnc("MRN-2", "0.3"));

        List<String> scanned = new ArrayList<>();
        try (KeyValueIterator<String, PatientState> all = store.all()) {
            all.forEachRemaining(entry -> scanned.add(entry.key));
        }

        assertThat(scanned).containsExactly("MRN-1", "MRN-2");
        assertThat(store.unwrittenCount()).isZero();
    }

    @Test
    void anotherThreadReadsTheWaitingStateButItsScanWritesNothing() throws Exception {
        PatientState waiting = stateWithAnAnc("MRN-1", "0.3");
        store.put("MRN-1", waiting);

        PatientState read =
                CompletableFuture.supplyAsync(() -> store.get("MRN-1")).get();
        long scanned = CompletableFuture.supplyAsync(() -> {
                    try (KeyValueIterator<String, PatientState> all = store.all()) {
                        long count = 0;
                        for (; all.hasNext(); all.next()) {
                            count++;
                        }
                        return count;
                    }
                })
                .get();

        assertThat(read).isEqualTo(waiting);
        assertThat(scanned)
                .as("a scan from another thread reads what was written")
                .isZero();
        assertThat(store.unwrittenCount()).isEqualTo(1);
    }

    @Test
    void whenCommitsStallAStateBeyondTheBoundIsWrittenAtOnce() {
        for (int i = 0; i < StatesWrittenAtCommit.MOST_UNWRITTEN; i++) {
            store.put("MRN-" + i, PatientState.empty("MRN-" + i));
        }
        assertThat(serialized).hasValue(0);

        store.put("MRN-NEW", PatientState.empty("MRN-NEW"));
        store.put("MRN-0", stateWithAnAnc("MRN-0", "0.3"));

        assertThat(serialized)
                .as("the new patient's state, not the waiting one's")
                .hasValue(1);
        assertThat(store.unwrittenCount()).isEqualTo(StatesWrittenAtCommit.MOST_UNWRITTEN);
    }

    @Test
    void aDeleteRemovesTheWaitingAndTheWrittenState() {
        store.put("MRN-1", stateWithAnAnc("MRN-1", "0.3"));
        store.flushCache();
        store.put("MRN-1", stateWithAnAnc("MRN-1", "0.2"));

        store.delete("MRN-1");
        store.flushCache();

        assertThat(store.get("MRN-1")).isNull();
        assertThat(beneath.get("MRN-1")).isNull();
    }

    @Test
    void putAllAndPutIfAbsentWaitLikeAPut() {
        PatientState first = stateWithAnAnc("MRN-1", "0.3");
        store.putAll(List.of(KeyValue.pair("MRN-1", first)));
        PatientState present = store.putIfAbsent("MRN-1", PatientState.empty("MRN-1"));

        assertThat(present).isEqualTo(first);
        assertThat(store.get("MRN-1")).isEqualTo(first);
        assertThat(serialized).hasValue(0);
    }

    private static PatientState stateWithAnAnc(String patientId, String value) {
        return PatientState.empty(patientId).apply(ClinicalEvents.anAncOf(patientId, value));
    }

    private static Instant later(int hours) {
        return ClinicalEvents.MORNING_DRAW.plus(Duration.ofHours(hours));
    }

    /** Counts what is serialized, and refuses every state of {@link #REFUSED} as a serializer would refuse it. */
    private Serde<PatientState> countingAndRefusing(Serde<PatientState> serde) {
        Serializer<PatientState> counting = (topic, state) -> {
            if (state != null && state.patientId().equals(REFUSED)) {
                throw new IllegalStateException("refused");
            }
            serialized.incrementAndGet();
            return serde.serializer().serialize(topic, state);
        };
        return Serdes.serdeFrom(counting, serde.deserializer());
    }
}
