package org.toxwatch.alerting.notification.application;

import java.util.List;
import org.toxwatch.alerting.notification.domain.ConfigurationChange;

/** Port: changes to how ToxWatch runs, who made them and what they changed. Entries are never changed or removed. */
public interface ConfigurationAudit {

    void record(ConfigurationChange change);

    /** The latest changes, newest first. */
    List<ConfigurationChange> latest(int limit);
}
