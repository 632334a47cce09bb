package org.toxwatch.monitoring.adapter.streams;

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
 */
final class CachedPatientStates {

    /** Per task; a hospital's watched patients stay cached, and a long state costs memory, not correctness. */
    static final int CACHED_STATES_PER_TASK = 256;

    private final KeyValueStore<String, PatientState> store;
    private final Map<String, PatientState> cache;

    CachedPatientStates(KeyValueStore<String, PatientState> store) {
        this(store, CACHED_STATES_PER_TASK);
    }

    CachedPatientStates(KeyValueStore<String, PatientState> store, int capacity) {
        this.store = store;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PatientState> eldest) {
                return size() > capacity;
            }
        };
    }

    @Nullable
    PatientState get(String patientId) {
        PatientState cached = cache.get(patientId);
        if (cached != null) {
            return cached;
        }
        PatientState stored = store.get(patientId);
        if (stored != null) {
            cache.put(patientId, stored);
        }
        return stored;
    }

    void put(String patientId, PatientState state) {
        // If the store refuses it (its serializer throws), the cached state must stay the stored one.
        cache.remove(patientId);
        store.put(patientId, state);
        cache.put(patientId, state);
    }

    /** Removes the patient's state and returns the one stored, as the store does. */
    @Nullable
    PatientState delete(String patientId) {
        cache.remove(patientId);
        return store.delete(patientId);
    }

    /** Every stored state, read from the store itself. */
    KeyValueIterator<String, PatientState> all() {
        return store.all();
    }

    void clear() {
        cache.clear();
    }
}
