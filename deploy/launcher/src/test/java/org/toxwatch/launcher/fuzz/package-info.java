/**
 * Reusable fuzz inputs for the running pipeline: valid JSON, FHIR R4 and HL7 v2 samples, and seeded mutations
 * of them biased toward what hostile or broken senders really send (lone surrogates, control characters in
 * identifiers, unbounded numbers, absurd times, damaged HL7 structure). Every input is rebuilt from its seeds,
 * so a failing one can be replayed and reduced to its smallest failing set of mutations.
 */
@NullMarked
package org.toxwatch.launcher.fuzz;

import org.jspecify.annotations.NullMarked;
