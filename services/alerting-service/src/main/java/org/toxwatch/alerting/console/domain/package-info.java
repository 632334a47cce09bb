/** The console: the scales its charts are drawn on. Plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.console.domain;

import org.jspecify.annotations.NullMarked;
