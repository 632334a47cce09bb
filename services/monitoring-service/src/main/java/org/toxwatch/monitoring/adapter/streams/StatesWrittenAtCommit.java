package org.toxwatch.monitoring.adapter.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.monitoring.domain.PatientState;

/**
 * The patient state store, writing each patient's state once per commit instead of once per event. Kafka Streams
 * serializes a value when it is put, and a message of four results put the state four times: half of what a long
 * course cost per message (docs/performance.md, "Where a long course costs monitoring"). Here a put keeps the state
 * as it is; the states put since the last commit are written to the store beneath (cache, changelog, RocksDB) when
 * Kafka Streams flushes the task's stores before it commits, inside the same transaction.
 *
 * <p>Reads see the states not written yet, from any thread (the interactive queries read from web threads). A scan
 * ({@link #all()}, {@link #range}) writes them first, on the task's own thread. Nothing unwritten outlives a close:
 * a clean close has flushed first, and a dirty close (an aborted transaction) must forget them, as the changelog
 * does.
 *
 * <p>A state that cannot be written at the commit (its serializer refuses it, or it is too large for the changelog)
 * fails the commit: the transaction is aborted, the stream thread replaced, and the task revived from its last
 * commit. Those patients' states are then written at once for a while ({@link ImmediateStateWrites}), so the event
 * that cannot be stored is dead-lettered alone, as it is when its state is written at once from the start. The
 * grading processor has its states written at once when it cannot vouch for them, so this path is for what it
 * cannot foresee.
 *
 * <p>Kafka Streams flushes through {@code CachedStateStore#flushCache}, an interface of its internals that every
 * wrapping store layer implements ({@link WrappedStateStore}).
 */
final class StatesWrittenAtCommit extends WrappedStateStore<KeyValueStore<String, PatientState>, String, PatientState>
        implements KeyValueStore<String, PatientState> {

    private static final Logger log = LoggerFactory.getLogger(StatesWrittenAtCommit.class);

    /**
     * Per task: a state put when this many wait already is written at once. A commit comes every 100 ms, so this
     * is only reached if commits stall; it bounds the memory the waiting states hold.
     */
    static final int MOST_UNWRITTEN = 1_024;

    private final ImmediateStateWrites immediate;
    private final Map<String, PatientState> unwritten = new ConcurrentHashMap<>();
    private @Nullable Thread taskThread;
    private boolean failedBefore;

    StatesWrittenAtCommit(KeyValueStore<String, PatientState> store, ImmediateStateWrites immediate) {
        super(store);
        this.immediate = immediate;
    }

    /** Builds the store {@code inner} builds, with writes at the commit in front of it. */
    static StoreBuilder<KeyValueStore<String, PatientState>> builder(
            StoreBuilder<KeyValueStore<String, PatientState>> inner, ImmediateStateWrites immediate) {
        return new Builder(inner, immediate);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        taskThread = Thread.currentThread();
        super.init(context, root);
    }

    @Override
    public @Nullable PatientState get(String patientId) {
        PatientState waiting = unwritten.get(patientId);
        return waiting != null ? waiting : wrapped().get(patientId);
    }

    @Override
    public void put(String patientId, PatientState state) {
        if (state == null) {
            delete(patientId);
            return;
        }
        if (immediate.atOnce(patientId) || (unwritten.size() >= MOST_UNWRITTEN && !unwritten.containsKey(patientId))) {
            // If the store refuses it, the state put before (waiting or written) stays the patient's.
            wrapped().put(patientId, state);
            unwritten.remove(patientId);
            return;
        }
        unwritten.put(patientId, state);
    }

    @Override
    public @Nullable PatientState putIfAbsent(String patientId, PatientState state) {
        PatientState present = get(patientId);
        if (present == null) {
            put(patientId, state);
        }
        return present;
    }

    @Override
    public void putAll(List<KeyValue<String, PatientState>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public @Nullable PatientState delete(String patientId) {
        // As for a put: if the store refuses the delete, the waiting state stays the patient's.
        PatientState stored = wrapped().delete(patientId);
        PatientState waiting = unwritten.remove(patientId);
        return waiting != null ? waiting : stored;
    }

    @Override
    public KeyValueIterator<String, PatientState> range(String from, String to) {
        writeUnwrittenOnTaskThread();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, PatientState> reverseRange(String from, String to) {
        writeUnwrittenOnTaskThread();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, PatientState> all() {
        writeUnwrittenOnTaskThread();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, PatientState> reverseAll() {
        writeUnwrittenOnTaskThread();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, PatientState> prefixScan(
            P prefix, PS prefixKeySerializer) {
        writeUnwrittenOnTaskThread();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    /** Before the task commits: every state put since the last commit goes into this commit's transaction. */
    @Override
    public void flushCache() {
        writeUnwritten();
        super.flushCache();
    }

    @Override
    public void flush() {
        writeUnwritten();
        super.flush();
    }

    @Override
    public void clearCache() {
        unwritten.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        // A clean close has flushed; after a dirty one what waits was never committed and must not be written.
        unwritten.clear();
        super.close();
    }

    /** States waiting for the commit, for tests. */
    int unwrittenCount() {
        return unwritten.size();
    }

    private void writeUnwrittenOnTaskThread() {
        // A scan from another thread (an interactive query) reads what was written; only the task's thread writes.
        if (Thread.currentThread() == taskThread) {
            writeUnwritten();
        }
    }

    /**
     * Writes every waiting state. One that cannot be written stays waiting, the others are written, and the write
     * fails naming how many could not be: no patient id, no content.
     */
    private void writeUnwritten() {
        if (unwritten.isEmpty()) {
            return;
        }
        List<String> refused = new ArrayList<>();
        RuntimeException firstFailure = null;
        for (var waiting : unwritten.entrySet()) {
            try {
                wrapped().put(waiting.getKey(), waiting.getValue());
            } catch (RuntimeException e) {
                refused.add(waiting.getKey());
                if (firstFailure == null) {
                    firstFailure = e;
                }
                continue;
            }
            unwritten.remove(waiting.getKey(), waiting.getValue());
        }
        if (firstFailure != null) {
            immediate.failedAtCommit(refused);
            if (!failedBefore) {
                failedBefore = true;
                logFailure(refused.size(), firstFailure);
            }
            throw new StreamsException(refused.size() + " patient state(s) could not be written at the commit ("
                    + firstFailure.getClass().getSimpleName() + ")");
        }
    }

    /** Once per store: Kafka Streams flushes a task it closes dirty once more, and the same states fail again. */
    private static void logFailure(int refused, RuntimeException firstFailure) {
        log.warn(
                "{} patient state(s) could not be written at the commit ({}); the transaction is aborted, and after"
                        + " the task's revival their events are written at once, so the one that cannot be stored is"
                        + " dead-lettered alone",
                refused,
                firstFailure.getClass().getSimpleName());
    }

    private record Builder(StoreBuilder<KeyValueStore<String, PatientState>> inner, ImmediateStateWrites immediate)
            implements StoreBuilder<KeyValueStore<String, PatientState>> {

        @Override
        public StoreBuilder<KeyValueStore<String, PatientState>> withCachingEnabled() {
            inner.withCachingEnabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, PatientState>> withCachingDisabled() {
            inner.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, PatientState>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, PatientState>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<String, PatientState> build() {
            return new StatesWrittenAtCommit(inner.build(), immediate);
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
