/**
 * Load generators and probes, shared by the references and ToxWatch's stages so both see the same data. Latency is
 * measured from the intended send time of a fixed-rate schedule, never from when a late send happened.
 */
@NullMarked
package org.toxwatch.benchmark.load;

import org.jspecify.annotations.NullMarked;
