package org.toxwatch.alerting.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void computesHmacSha256AsRfc4231TestCaseTwoSays() {
        assertThat(WebhookSignature.hmacSha256Hex(
                        "Jefe".getBytes(StandardCharsets.UTF_8),
                        "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsTheTimestampTogetherWithTheBody() {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        String body = "{\"alert\":1}";

        String header = WebhookSignature.header("a-secret-of-sixteen", at, body);

        assertThat(header)
                .isEqualTo("t=" + at.getEpochSecond() + ",v1="
                        + WebhookSignature.hmacSha256Hex(
                                "a-secret-of-sixteen".getBytes(StandardCharsets.UTF_8),
                                (at.getEpochSecond() + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSignature.header("a-secret-of-sixteen", at.plusSeconds(1), body))
                .as("a replay with a new timestamp needs a new signature")
                .isNotEqualTo(header);
        assertThat(WebhookSignature.header("another-secret-16", at, body)).isNotEqualTo(header);
    }
}
