package org.toxwatch.ingest.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HL7 v2 MLLP listener.
 *
 * @param port default 2575 (the registered HL7 port); 0 picks a free one
 * @param maxMessageBytes larger messages are answered AE and dead-lettered, never parsed (default 1 MiB)
 * @param idleTimeout a connection silent this long between messages is closed (default 10 min)
 * @param frameTimeout a message not complete this long after its first byte closes the connection (default 60 s),
 *     so a peer trickling bytes cannot hold a connection slot
 * @param sslBundle a Spring SSL bundle name to listen with TLS; plain TCP when absent
 * @param requireClientCertificate mutual TLS: a client without a certificate the bundle's trust store trusts is refused
 *     in the handshake (needs {@code sslBundle})
 * @param allowedSubjects with mutual TLS, the client certificate subjects (X.500 distinguished names) that may send;
 *     empty allows every trusted certificate
 * @param allowedAddresses source IP addresses or CIDR ranges ({@code 10.20.0.0/24}, {@code 2001:db8::/48}) that may
 *     connect; empty allows any
 * @param senderSubjects with mutual TLS, per sender (MSH-3@MSH-4, as in {@code local-codes}) the certificate subjects
 *     that may send as it
 * @param senderAddresses per sender the source addresses or CIDR ranges it may send from (with or without TLS). A
 *     sender listed here and in {@code senderSubjects} must satisfy both; once any sender is listed in either, the
 *     messages of a sender listed in neither are refused too. A refused message is answered AE and not stored
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
        @Nullable Duration frameTimeout,
        @Nullable Charset charset,
        @Nullable String sslBundle,
        @Nullable Boolean requireClientCertificate,
        @Nullable Set<String> allowedSubjects,
        @Nullable Set<String> allowedAddresses,
        @Nullable Map<String, List<String>> senderSubjects,
        @Nullable Map<String, List<String>> senderAddresses,
        @Nullable ZoneId hospitalTimeZone) {

    public MllpProperties {
        enabled = enabled == null || enabled;
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 2575 : port;
        maxConnections = maxConnections == null ? 256 : maxConnections;
        maxMessageBytes = maxMessageBytes == null ? 1024 * 1024 : maxMessageBytes;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
        frameTimeout = frameTimeout == null ? Duration.ofSeconds(60) : frameTimeout;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        requireClientCertificate = requireClientCertificate != null && requireClientCertificate;
        allowedSubjects = allowedSubjects == null ? Set.of() : nonBlank(allowedSubjects);
        allowedAddresses = allowedAddresses == null ? Set.of() : nonBlank(allowedAddresses);
        senderSubjects = senderSubjects == null ? Map.of() : Map.copyOf(senderSubjects);
        senderAddresses = senderAddresses == null ? Map.of() : Map.copyOf(senderAddresses);
        if (!senderSubjects.isEmpty() && !requireClientCertificate) {
            throw new IllegalArgumentException(
                    "toxwatch.ingest.mllp.sender-subjects needs require-client-certificate: true");
        }
        if ((requireClientCertificate || !allowedSubjects.isEmpty()) && sslBundle == null) {
            throw new IllegalArgumentException("toxwatch.ingest.mllp.require-client-certificate and allowed-subjects"
                    + " need TLS: set toxwatch.ingest.mllp.ssl-bundle");
        }
        if (!allowedSubjects.isEmpty() && !requireClientCertificate) {
            throw new IllegalArgumentException(
                    "toxwatch.ingest.mllp.allowed-subjects needs require-client-certificate: true");
        }
        hospitalTimeZone = hospitalTimeZone == null ? ZoneId.of("UTC") : hospitalTimeZone;
    }

    private static Set<String> nonBlank(Set<String> values) {
        return values.stream().filter(value -> !value.isBlank()).collect(Collectors.toUnmodifiableSet());
    }
}
