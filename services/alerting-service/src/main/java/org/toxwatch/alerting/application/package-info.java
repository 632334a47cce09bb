/** Alerting application: plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.application;

import org.jspecify.annotations.NullMarked;
