package org.toxwatch.ingest.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HL7 v2 MLLP listener.
 *
 * @param port default 2575 (the registered HL7 port); 0 picks a free one
 * @param maxMessageBytes larger messages are answered AE and dead-lettered, never parsed (default 1 MiB)
 * @param sslBundle a Spring SSL bundle name to listen with TLS; plain TCP when absent
 * @param hospitalTimeZone the zone of HL7 times sent without an offset (CRITERIA.md 1.5)
 */
@ConfigurationProperties("toxwatch.ingest.mllp")
public record MllpProperties(
        @Nullable Boolean enabled,
        @Nullable String host,
        @Nullable Integer port,
        @Nullable Integer maxConnections,
        @Nullable Integer maxMessageBytes,
        @Nullable Duration idleTimeout,
        @Nullable Charset charset,
        @Nullable String sslBundle,
        @Nullable ZoneId hospitalTimeZone) {

    public MllpProperties {
        enabled = enabled == null || enabled;
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 2575 : port;
        maxConnections = maxConnections == null ? 256 : maxConnections;
        maxMessageBytes = maxMessageBytes == null ? 1024 * 1024 : maxMessageBytes;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        hospitalTimeZone = hospitalTimeZone == null ? ZoneId.of("UTC") : hospitalTimeZone;
    }
}
