/**
 * Grading freshness: whether the services that turn observations into alerts are keeping up, judged from what
 * the broker says about their consumer groups. Plain Java, no framework imports (checked by ArchitectureTest).
 */
@NullMarked
package org.toxwatch.alerting.alert.domain.freshness;

import org.jspecify.annotations.NullMarked;
