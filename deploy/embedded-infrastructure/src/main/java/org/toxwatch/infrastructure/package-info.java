/**
 * Real infrastructure started in-process: an Apache Kafka broker in KRaft mode built from Kafka's own
 * server classes, and a MongoDB-wire server (mongo-java-server) with its H2 MVStore backend. Used by the
 * one-command local run and, where Docker is absent, by the integration tests.
 */
@NullMarked
package org.toxwatch.infrastructure;

import org.jspecify.annotations.NullMarked;
