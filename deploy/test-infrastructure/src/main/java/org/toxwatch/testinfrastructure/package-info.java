/** Broker and store for integration tests: Testcontainers where Docker exists, embedded otherwise. */
@NullMarked
package org.toxwatch.testinfrastructure;

import org.jspecify.annotations.NullMarked;
