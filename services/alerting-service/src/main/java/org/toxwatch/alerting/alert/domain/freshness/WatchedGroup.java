package org.toxwatch.alerting.alert.domain.freshness;

import java.util.List;
import java.util.Objects;

/** A consumer group on the path from observation to alert, and the topics it must keep up with. */
public record WatchedGroup(String group, List<String> topics) {

    public WatchedGroup {
        Objects.requireNonNull(group, "group");
        topics = List.copyOf(topics);
    }
}
