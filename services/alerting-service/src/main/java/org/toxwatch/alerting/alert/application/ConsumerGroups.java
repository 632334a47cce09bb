package org.toxwatch.alerting.alert.application;

import java.util.List;
import org.toxwatch.alerting.alert.domain.freshness.GroupSample;
import org.toxwatch.alerting.alert.domain.freshness.WatchedGroup;

/** Port: what the broker says about consumer groups (members, committed and end offsets). */
public interface ConsumerGroups {

    /**
     * One sample per watched group, all taken now.
     *
     * @throws IllegalStateException when the broker could not be asked
     */
    List<GroupSample> sample(List<WatchedGroup> groups);
}
