package org.toxwatch.ingest.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * What operators watch on ingest, by protocol: messages by outcome, rejection reasons, and how long a sender
 * waits for its acknowledgement. Tags are low-cardinality by construction (protocol, outcome, and a reason
 * that names a field or an HL7 error, never a value or an identifier).
 */
public final class IngestMetrics {

    public enum Outcome {
        ACCEPTED,
        RESEND,
        REJECTED,
        NOT_STORED,
        IN_PROGRESS
    }

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void answered(String protocol, Outcome outcome, Duration waited) {
        String outcomeTag = outcome.name().toLowerCase(Locale.ROOT);
        Counter.builder("toxwatch.ingest.messages")
                .description("Inbound messages by protocol and outcome")
                .tag("protocol", protocol)
                .tag("outcome", outcomeTag)
                .register(registry)
                .increment();
        Timer.builder("toxwatch.ingest.ack.latency")
                .description("From a message's arrival to its acknowledgement")
                .tag("protocol", protocol)
                .tag("outcome", outcomeTag)
                .publishPercentileHistogram()
                .register(registry)
                .record(waited);
    }

    /** One per problem found in a rejected message; {@code reason} names where, e.g. {@code OBX-6} or {@code unit}. */
    public void rejected(String protocol, String reason) {
        Counter.builder("toxwatch.ingest.rejections")
                .description("Problems found in rejected inbound messages, by protocol and reason")
                .tag("protocol", protocol)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
