package org.toxwatch.ingest.application;

/** An event bound for a topic, keyed by patient id. */
public record OutboundEvent(String topic, String key, Object payload) {}
