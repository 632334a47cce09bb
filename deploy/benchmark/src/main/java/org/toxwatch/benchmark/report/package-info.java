/** Figures over rounds, their ratios, the targets of issue 11 and the table written to docs/performance.md. */
@NullMarked
package org.toxwatch.benchmark.report;

import org.jspecify.annotations.NullMarked;
