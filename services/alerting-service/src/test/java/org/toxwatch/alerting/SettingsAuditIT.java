package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.platform.SettingsAudit;
import org.toxwatch.platform.SettingsAudit.Change;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** The platform's audit of settings between starts, against a real MongoDB-wire server. */
@DataMongoTest
class SettingsAuditIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "settings-audit-it");
    }

    @Autowired
    MongoTemplate mongoTemplate;

    @Test
    void aStartWithChangedSettingsIsRecordedWithWhoWhenBeforeAndAfterAndAnUnchangedOneIsNot() {
        String service = "alerting-" + UUID.randomUUID();
        var audit = new SettingsAudit(mongoTemplate);
        Instant first = Instant.parse("2026-12-01T08:00:00Z");
        Instant second = Instant.parse("2026-12-05T08:00:00Z");

        var atFirstStart = audit.recordStart(
                service, Map.of("toxwatch.alerting.escalation-high-delay", "10m"), "deploy-bot", first);
        var unchanged = audit.recordStart(
                service, Map.of("toxwatch.alerting.escalation-high-delay", "10m"), "deploy-bot", first.plusSeconds(60));
        var changed =
                audit.recordStart(service, Map.of("toxwatch.alerting.escalation-high-delay", "5m"), "ops-jane", second);

        assertThat(atFirstStart).containsExactly(new Change("toxwatch.alerting.escalation-high-delay", null, "10m"));
        assertThat(unchanged).isEmpty();
        assertThat(changed).containsExactly(new Change("toxwatch.alerting.escalation-high-delay", "10m", "5m"));
        var entries = mongoTemplate.find(
                Query.query(Criteria.where("service").is(service)), Document.class, "settings_audit");
        assertThat(entries).hasSize(2);
        assertThat(entries)
                .anySatisfy(entry ->
                        assertThat(entry).containsEntry("actor", "ops-jane").containsEntry("at", Date.from(second)));
    }
}
