/** Alerting domain: plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.domain;

import org.jspecify.annotations.NullMarked;
