package org.toxwatch.alerting.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: HMAC-SHA256 with the subscription's secret over
 * {@code <unix seconds>.<body>}, sent as {@code X-ToxWatch-Signature: t=<unix seconds>,v1=<hex>}. Signing the
 * timestamp with the body lets the receiver refuse replays of an old, validly signed request.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-ToxWatch-Signature";

    public static String header(String secret, Instant at, String body) {
        long seconds = at.getEpochSecond();
        String signed = seconds + "." + body;
        return "t=" + seconds + ",v1="
                + hmacSha256Hex(secret.getBytes(StandardCharsets.UTF_8), signed.getBytes(StandardCharsets.UTF_8));
    }

    static String hmacSha256Hex(byte[] key, byte[] message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private WebhookSignature() {}
}
