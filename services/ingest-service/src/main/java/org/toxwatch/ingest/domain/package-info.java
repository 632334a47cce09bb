/** Ingest domain: plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.ingest.domain;

import org.jspecify.annotations.NullMarked;
