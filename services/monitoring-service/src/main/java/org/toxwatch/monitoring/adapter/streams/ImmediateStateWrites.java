package org.toxwatch.monitoring.adapter.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which patients' states are written at once, when they are put, instead of at the commit
 * ({@link StatesWrittenAtCommit}). A state written at once that cannot be written fails its own event, which is
 * dead-lettered while every other patient goes on; a state that fails at the commit fails the whole transaction.
 * So a state is written at once when the grading processor cannot vouch for it (the event it folded is large or
 * cannot be written itself), and for a while after a commit at which it could not be written: the task is revived
 * from its last commit and reads the same events again, and this time the one that cannot be stored fails alone.
 *
 * <p>Shared by the grading processor and every task's store. It holds patient ids in memory only, never logged.
 */
final class ImmediateStateWrites {

    /**
     * Long enough for a revived task to restore its store from the changelog and reach the events of the aborted
     * transaction again; after it, the patient's writes wait for the commit again.
     */
    static final Duration AFTER_A_FAILED_COMMIT = Duration.ofMinutes(10);

    private final Clock clock;
    private final Set<String> nextWrite = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> failedAtCommit = new ConcurrentHashMap<>();

    ImmediateStateWrites(Clock clock) {
        this.clock = clock;
    }

    /** The patient's next state is written at once: the processor cannot vouch for it. */
    void nextWriteOf(String patientId) {
        nextWrite.add(patientId);
    }

    /** These patients' states could not be written at a commit: write theirs at once for a while. */
    void failedAtCommit(Collection<String> patientIds) {
        Instant now = clock.instant();
        failedAtCommit.values().removeIf(until -> now.isAfter(until));
        Instant until = now.plus(AFTER_A_FAILED_COMMIT);
        patientIds.forEach(patientId -> failedAtCommit.put(patientId, until));
    }

    /** Whether the state being put for the patient is written at once; a request for the next write is used up. */
    boolean atOnce(String patientId) {
        boolean requested = nextWrite.remove(patientId);
        if (failedAtCommit.isEmpty()) {
            return requested;
        }
        Instant until = failedAtCommit.get(patientId);
        if (until == null) {
            return requested;
        }
        if (clock.instant().isAfter(until)) {
            failedAtCommit.remove(patientId, until);
            return requested;
        }
        return true;
    }
}
