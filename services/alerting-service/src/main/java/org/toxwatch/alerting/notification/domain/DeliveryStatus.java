package org.toxwatch.alerting.notification.domain;

/** Where a notification stands: still to be (re)tried, received, or given up on. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
