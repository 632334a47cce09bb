/**
 * End to end on the local run: the launcher started as the README starts it, HL7 messages over MLLP at a fixed rate,
 * the alerts they raise read from the console's live stream, and the memory of every process of the run sampled
 * throughout. One tool for issue 11's end-to-end latency, memory and soak targets.
 */
@NullMarked
package org.toxwatch.benchmark.endtoend;

import org.jspecify.annotations.NullMarked;
