package org.toxwatch.ingest.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.toxwatch.ingest.application.InboundArchive.Claim;
import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * An accepted message costs the store two calls, the claim's insert and its outcome's update; the sender's id is
 * taken with the claim, so recognising a reused id needs no read. Tested on a real MongoDB-wire server, with the
 * driver's own record of the commands it sent.
 */
class InboundArchiveRoundTripsIT {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Set<String> NOT_ARCHIVE_CALLS = Set.of("createIndexes", "hello", "isMaster", "ping");
    private static final List<String> commands = new CopyOnWriteArrayList<>();
    private static MongoClient client;
    private static MongoInboundArchive archive;

    @BeforeAll
    static void connect() {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (!NOT_ARCHIVE_CALLS.contains(event.getCommandName())) {
                    commands.add(event.getCommandName());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString(IntegrationInfrastructure.shared().mongoUri("inbound-round-trips-it")))
                .addCommandListener(recorder)
                .build());
        archive = new MongoInboundArchive(new MongoTemplate(client, "inbound-round-trips-it"), Duration.ofMinutes(1));
    }

    @BeforeEach
    void forgetEarlierCommands() {
        commands.clear();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void aNewMessageIsClaimedByOneInsertAndAcceptedByOneUpdate() {
        Submission submission = message("MSG-" + UUID.randomUUID(), "OBX|1|NM|751-8^^LN||2.5");

        assertThat(archive.claim(submission, NOW)).isEqualTo(new Claim.First(false));
        assertThat(commands).containsExactly("insert");

        commands.clear();
        archive.recordAccepted(submission, List.of(UUID.randomUUID()), NOW);
        assertThat(commands).containsExactly("update");
    }

    @Test
    void otherContentAcceptedWhileTheFirstHolderOfItsIdWasProcessingMarksTheIdAsReused() {
        String messageId = "MSG-" + UUID.randomUUID();
        var first = message(messageId, "OBX|1|NM|751-8^^LN||2.5");
        var second = message(messageId, "OBX|1|NM|751-8^^LN||0.1");
        var third = message(messageId, "OBX|1|NM|751-8^^LN||0.7");
        archive.claim(first, NOW);

        assertThat(archive.claim(second, NOW.plusSeconds(1)))
                .as("the first is not accepted yet")
                .isEqualTo(new Claim.First(false));
        archive.recordAccepted(second, List.of(UUID.randomUUID()), NOW.plusSeconds(1));

        assertThat(archive.claim(third, NOW.plusSeconds(2))).isEqualTo(new Claim.First(true));
    }

    @Test
    void whenTheFirstHolderOfAnIdIsRejectedTheContentAcceptedMeanwhileKeepsTheIdMarkedAsUsed() {
        String messageId = "MSG-" + UUID.randomUUID();
        var rejected = message(messageId, "OBX|1|NM|751-8^^LN||2.5|mg");
        var accepted = message(messageId, "OBX|1|NM|751-8^^LN||2.5|10*9/L");
        var later = message(messageId, "OBX|1|NM|751-8^^LN||0.7|10*9/L");
        archive.claim(rejected, NOW);
        archive.claim(accepted, NOW.plusSeconds(1));
        archive.recordAccepted(accepted, List.of(UUID.randomUUID()), NOW.plusSeconds(1));

        archive.recordRejected(
                rejected, UUID.randomUUID(), InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("OBX^1^6: bad unit"), NOW);

        assertThat(archive.claim(later, NOW.plusSeconds(2))).isEqualTo(new Claim.First(true));
    }

    @Test
    void whenTheFirstHolderOfAnIdIsReleasedTheContentAcceptedMeanwhileKeepsTheIdMarkedAsUsed() {
        String messageId = "MSG-" + UUID.randomUUID();
        var released = message(messageId, "OBX|1|NM|751-8^^LN||2.5");
        var accepted = message(messageId, "OBX|1|NM|751-8^^LN||0.1");
        archive.claim(released, NOW);
        archive.claim(accepted, NOW.plusSeconds(1));
        archive.recordAccepted(accepted, List.of(UUID.randomUUID()), NOW.plusSeconds(1));

        archive.release(released);

        assertThat(archive.claim(released, NOW.plusSeconds(2)))
                .as("the released content, sent again, reuses an id accepted meanwhile")
                .isEqualTo(new Claim.First(true));
    }

    @Test
    void aRejectedClaimGivesItsIdUpSoThatAFixedMessageUnderItIsNotAReuse() {
        String messageId = "MSG-" + UUID.randomUUID();
        var rejected = message(messageId, "OBX|1|NM|751-8^^LN||2.5|mg");
        var fixed = message(messageId, "OBX|1|NM|751-8^^LN||2.5|10*9/L");
        var reused = message(messageId, "OBX|1|NM|751-8^^LN||0.7|10*9/L");
        archive.claim(rejected, NOW);
        archive.recordRejected(
                rejected, UUID.randomUUID(), InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("OBX^1^6: bad unit"), NOW);

        commands.clear();
        assertThat(archive.claim(fixed, NOW.plusSeconds(5))).isEqualTo(new Claim.First(false));
        assertThat(commands).as("the id was free: one insert").containsExactly("insert");
        archive.recordAccepted(fixed, List.of(UUID.randomUUID()), NOW.plusSeconds(5));

        assertThat(archive.claim(reused, NOW.plusSeconds(6))).isEqualTo(new Claim.First(true));
    }

    private static Submission message(String messageId, String content) {
        return new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, content);
    }
}
