/** Ingest application: plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.ingest.application;

import org.jspecify.annotations.NullMarked;
