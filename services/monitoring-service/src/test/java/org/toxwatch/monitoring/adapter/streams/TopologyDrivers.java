package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/** A TopologyTestDriver running the production topology with the production dead-letter settings. */
final class TopologyDrivers {

    static final Instant PRODUCED_AT = Instant.parse("2026-11-20T09:00:00Z");

    static TopologyTestDriver driverFor(ToxicityGrader grader, MonitoringSerdes serdes, MeterRegistry meterRegistry) {
        return driverFor(grader, serdes, meterRegistry, Instant.now());
    }

    /** A driver whose mocked wall clock starts at {@code wallClock} (for the wall-clock punctuation). */
    static TopologyTestDriver driverFor(
            ToxicityGrader grader, MonitoringSerdes serdes, MeterRegistry meterRegistry, Instant wallClock) {
        var builder = new StreamsBuilder();
        new MonitoringTopology(grader, serdes, Clock.fixed(PRODUCED_AT, ZoneOffset.UTC), meterRegistry).addTo(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitoring");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.putAll(PoisonRecordDeadLetters.streamsSettings(meterRegistry));
        return new TopologyTestDriver(builder.build(), config, wallClock);
    }

    private TopologyDrivers() {}
}
