package org.toxwatch.monitoring.adapter.streams;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.PatientState;

/**
 * One task's patient states, read through a cache of deserialized states in front of its store: reading and
 * deserializing the stored state was the largest single cost of grading an event. The store stays the truth; the
 * cache only ever holds what this task's store held when it was read or written, and is updated only after the store
 * took a write (a state whose serializer fails is not cached).
 *
 * <p>It belongs to one processor instance and is emptied whenever the task is initialised or closed: under
 * exactly-once an aborted transaction closes the task dirty and its store is re-initialised from the changelog, so
 * what the cache held may never have been committed (see {@code PatientGradingProcessor#init}).
 *
 * <p>It is bounded by the records its states keep, not by patients: a state grows with the patient's course, and a
 * cache of 256 states per task filled monitoring's heap about twenty minutes into an hour's load
 * (docs/performance.md, "The soak").
 * The least recently used states go first; the state just read or written always stays.
 */
final class CachedPatientStates {

    /**
     * Per task: a few states. The gain is in an event's consecutive records of one patient (the results of one
     * message), which need only the last state. Keeping more made states outlive the young generation: at 4,096
     * records per task, monitoring promoted about 24 MB a second into its old generation at 1,000 records a
     * second, collected it whole every few seconds for 140 to 200 ms, and its p99 latency doubled
     * (docs/performance.md, "The state cache and the old generation").
     */
    static final int CACHED_RECORDS_PER_TASK = 256;

    private final KeyValueStore<String, PatientState> store;
    private final int capacity;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedRecords;

    CachedPatientStates(KeyValueStore<String, PatientState> store) {
        this(store, CACHED_RECORDS_PER_TASK);
    }

    /** {@code capacity} in records the cached states keep (each state counts at least one). */
    CachedPatientStates(KeyValueStore<String, PatientState> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    @Nullable
    PatientState get(String patientId) {
        Cached cached = cache.get(patientId);
        if (cached != null) {
            return cached.state();
        }
        PatientState stored = store.get(patientId);
        if (stored != null) {
            remember(patientId, stored);
        }
        return stored;
    }

    void put(String patientId, PatientState state) {
        // If the store refuses it (its serializer throws), the cached state must stay the stored one.
        forget(patientId);
        store.put(patientId, state);
        remember(patientId, state);
    }

    /** Removes the patient's state and returns the one stored, as the store does. */
    @Nullable
    PatientState delete(String patientId) {
        forget(patientId);
        return store.delete(patientId);
    }

    /** Every stored state, read from the store itself. */
    KeyValueIterator<String, PatientState> all() {
        return store.all();
    }

    void clear() {
        cache.clear();
        cachedRecords = 0;
    }

    private void remember(String patientId, PatientState state) {
        var entry = new Cached(state, 1 + state.keptRecords());
        cache.put(patientId, entry);
        cachedRecords += entry.records();
        Iterator<Cached> leastRecentFirst = cache.values().iterator();
        while (cachedRecords > capacity && cache.size() > 1) {
            cachedRecords -= leastRecentFirst.next().records();
            leastRecentFirst.remove();
        }
    }

    private void forget(String patientId) {
        Cached cached = cache.remove(patientId);
        if (cached != null) {
            cachedRecords -= cached.records();
        }
    }

    private record Cached(PatientState state, int records) {}
}
