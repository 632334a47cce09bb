/**
 * The ToxWatch wire contract: the events the three services exchange over Kafka, the enums inside them
 * and the topic names. Every event is keyed by {@code patientId}; measured values are decimals with a
 * UCUM unit, never {@code double}. JSON Schemas for each event live under {@code schemas/v1}.
 */
@NullMarked
package org.toxwatch.model;

import org.jspecify.annotations.NullMarked;
