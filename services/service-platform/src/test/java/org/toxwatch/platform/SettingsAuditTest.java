package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SettingsAuditTest {

    @Test
    void auditsTheToxWatchSettingsAsResolvedAndNeverOneNamedForASecret() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "application",
                        Map.of(
                                "toxwatch.alerting.escalation-high-delay", "10m",
                                "toxwatch.alerting.webhooks.secret-keys", "k1:c2VjcmV0",
                                "toxwatch.alerting.webhooks.secret-key-file", "data/webhook-secret-key",
                                "toxwatch.security.credentials-file", "data/bootstrap-credentials",
                                "toxwatch.ingest.mllp.keystore-password", "changeit",
                                "spring.kafka.bootstrap-servers", "localhost:9092")));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("arguments", Map.of("toxwatch.alerting.escalation-high-delay", "5m")));

        var settings = SettingsAudit.settingsOf(environment);

        assertThat(settings).containsExactly(Map.entry("toxwatch.alerting.escalation-high-delay", "5m"));
    }

    @Test
    void aChangeNamesTheSettingWithItsValueBeforeAndAfterAndNewOrRemovedOnesHaveNoOtherSide() {
        var before = Map.of("toxwatch.a", "1", "toxwatch.b", "same", "toxwatch.gone", "x");
        var after = Map.of("toxwatch.a", "2", "toxwatch.b", "same", "toxwatch.new", "y");

        assertThat(SettingsAudit.differences(before, after))
                .containsExactly(
                        new SettingsAudit.Change("toxwatch.a", "1", "2"),
                        new SettingsAudit.Change("toxwatch.gone", "x", null),
                        new SettingsAudit.Change("toxwatch.new", null, "y"));
    }
}
