/** Alerts: the episode of a toxicity and the policies that raise, escalate and resolve it. Plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.alert.domain;

import org.jspecify.annotations.NullMarked;
