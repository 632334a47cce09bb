package org.toxwatch.alerting.alert.domain.freshness;

import java.util.List;
import java.util.Objects;

/** What the broker said about one consumer group at one moment. */
public record GroupSample(String group, int activeMembers, List<PartitionOffsets> partitions) {

    public GroupSample {
        Objects.requireNonNull(group, "group");
        partitions = List.copyOf(partitions);
    }
}
