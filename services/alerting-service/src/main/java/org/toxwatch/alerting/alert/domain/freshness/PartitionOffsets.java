package org.toxwatch.alerting.alert.domain.freshness;

/**
 * One input partition of a group, as the broker sees it.
 *
 * @param committed the offset of the next record the group will read (its committed offset)
 * @param end the offset after the last record it could read; equal to {@code committed} when only transaction
 *     markers lie between them (a reader of transactional topics commits the offset of the marker)
 */
public record PartitionOffsets(String topic, int partition, long committed, long end) {

    public long unread() {
        return Math.max(0, end - committed);
    }

    String key() {
        return topic + "-" + partition;
    }
}
