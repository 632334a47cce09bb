/** Notifications: subscriptions, deliveries and their retries, and how a delivery is signed. Plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.notification.domain;

import org.jspecify.annotations.NullMarked;
