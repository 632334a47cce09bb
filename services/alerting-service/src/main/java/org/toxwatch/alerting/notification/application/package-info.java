/** Notifications: the use cases that turn alert events into deliveries and deliver them, and the ports they need. Plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.notification.application;

import org.jspecify.annotations.NullMarked;
