package org.toxwatch.monitoring.domain;

import java.time.Instant;

/**
 * The vasopressors running since {@code changedAt}, as the latest vasopressor event (by event time) reported.
 *
 * @param count distinct agents running, not counting vasopressin (CRITERIA.md 4.1)
 */
public record VasopressorStatus(
        String eventId, Instant changedAt, int count, boolean vasopressin, String sourceMessageId) {

    /** Whether any vasopressor, vasopressin included, is running. */
    public boolean anyRunning() {
        return count > 0 || vasopressin;
    }
}
