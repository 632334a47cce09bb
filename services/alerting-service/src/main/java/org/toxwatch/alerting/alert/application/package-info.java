/** Alerts: the use cases that raise, act on, escalate and resolve alerts, and the ports they need. Plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.alert.application;

import org.jspecify.annotations.NullMarked;
