/**
 * The side-by-side benchmark of issue 11: ToxWatch's stages, each as its production jar in its own JVM, and
 * minimal references built from the same libraries, each in a JVM with the same settings, fed the same generated
 * data by load generators in this JVM, which also hosts the embedded Kafka broker and MongoDB-wire store.
 */
@NullMarked
package org.toxwatch.benchmark;

import org.jspecify.annotations.NullMarked;
