package org.toxwatch.ingest.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.toxwatch.ingest.application.IngestMonitor;

/**
 * Ingest metrics in Micrometer: {@code toxwatch.ingest.messages{protocol,outcome}},
 * {@code toxwatch.ingest.ack.latency{protocol,outcome}} (with a histogram for p50/p99 across instances) and
 * {@code toxwatch.ingest.rejections{protocol,reason}} and {@code toxwatch.ingest.skipped.results{protocol}}
 * (results skipped because ToxWatch does not grade their code). Every tag is low-cardinality by construction.
 */
public final class MicrometerIngestMonitor implements IngestMonitor {

    private final MeterRegistry registry;

    public MicrometerIngestMonitor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String protocol, Answer answer, Duration waited) {
        String outcome = answer.name().toLowerCase(Locale.ROOT);
        Counter.builder("toxwatch.ingest.messages")
                .description("Inbound messages by protocol and outcome")
                .tag("protocol", protocol)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("toxwatch.ingest.ack.latency")
                .description("From a message's arrival to its acknowledgement")
                .tag("protocol", protocol)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(waited);
    }

    @Override
    public void rejected(String protocol, String reason) {
        Counter.builder("toxwatch.ingest.rejections")
                .description("Problems found in rejected inbound messages, by protocol and reason")
                .tag("protocol", protocol)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void notMonitored(String protocol, int results) {
        if (results > 0) {
            Counter.builder("toxwatch.ingest.skipped.results")
                    .description("Results skipped because ToxWatch does not monitor their code, by protocol")
                    .tag("protocol", protocol)
                    .register(registry)
                    .increment(results);
        }
    }
}
