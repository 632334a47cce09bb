/** Monitoring use cases beside the stream: reading a patient's current grades and the what-if calculator. */
@NullMarked
package org.toxwatch.monitoring.application;

import org.jspecify.annotations.NullMarked;
