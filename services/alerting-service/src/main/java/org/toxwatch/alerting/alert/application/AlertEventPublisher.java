package org.toxwatch.alerting.alert.application;

import org.toxwatch.model.AlertChanged;

/** Port: publishes alert transitions (the notification feed and the audit trail). */
public interface AlertEventPublisher {

    void publish(AlertChanged event);
}
