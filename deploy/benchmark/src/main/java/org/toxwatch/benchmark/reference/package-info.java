/**
 * The references: the least code that does a stage's job with the same libraries ToxWatch uses, each a main class
 * the benchmark starts in its own JVM with the local run's JVM settings.
 */
@NullMarked
package org.toxwatch.benchmark.reference;

import org.jspecify.annotations.NullMarked;
