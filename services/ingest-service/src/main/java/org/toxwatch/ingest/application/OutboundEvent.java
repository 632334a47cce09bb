package org.toxwatch.ingest.application;

/**
 * An event to store, keyed by patient id (a rejection by sender). The payload's type says where it goes: the Kafka
 * adapter chooses the topic.
 */
public record OutboundEvent(String key, Object payload) {}
