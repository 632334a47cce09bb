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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * The archive's clean-up deletes what is past retention, and reads nothing of the archive while nothing can be
 * due: on the embedded store every read of it by time is a scan of the whole archive under its lock.
 */
class ArchiveExpiryIT {

    private static final Instant DAY_1 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant DAY_3 = DAY_1.plus(Duration.ofDays(2));

    private final List<String> archiveCommands = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private MongoTemplate mongo;
    private MongoInboundArchive archive;

    @BeforeEach
    void freshArchive() {
        String database = "archive-expiry-it-" + UUID.randomUUID();
        var settings = MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString(IntegrationInfrastructure.shared().mongoUri(database)))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonValue target = event.getCommand().get(event.getCommandName());
                        if (target != null
                                && target.isString()
                                && target.asString().getValue().equals(MongoInboundArchive.COLLECTION)) {
                            archiveCommands.add(event.getCommandName());
                        }
                    }
                })
                .build();
        client = MongoClients.create(settings);
        mongo = new MongoTemplate(client, database);
        archive = new MongoInboundArchive(mongo, Duration.ofMinutes(1));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private void archived(Instant at) {
        var submission = new Submission("HL7V2", "LIS", "MSG-" + UUID.randomUUID(), "MSH|...");
        archive.claim(submission, at);
        archive.recordAccepted(submission, List.of(UUID.randomUUID()), at);
    }

    private long kept() {
        return mongo.getCollection(MongoInboundArchive.COLLECTION).countDocuments();
    }

    @Test
    void messagesReceivedBeforeTheCutoffAreDeletedAndLaterOnesKept() {
        archived(DAY_1);
        archived(DAY_3);

        assertThat(archive.expireOlderThan(DAY_1.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(kept()).isEqualTo(1);
    }

    @Test
    void whileTheOldestMessageKeptIsNotDueTheArchiveIsNotRead() {
        archived(DAY_1);
        archived(DAY_3);
        assertThat(archive.expireOlderThan(DAY_1))
                .as("received at the cutoff is not before it")
                .isZero();

        archiveCommands.clear();
        assertThat(archive.expireOlderThan(DAY_1)).isZero();
        assertThat(archive.expireOlderThan(DAY_1.minus(Duration.ofDays(30)))).isZero();
        assertThat(archiveCommands)
                .as("commands on the archive while nothing was due")
                .isEmpty();

        assertThat(archive.expireOlderThan(DAY_1.plusMillis(1))).isEqualTo(1);
        assertThat(archiveCommands).contains("delete");
        assertThat(archive.expireOlderThan(DAY_3))
                .as("finds the day-3 message the oldest kept")
                .isZero();

        archiveCommands.clear();
        assertThat(archive.expireOlderThan(DAY_3)).isZero();
        assertThat(archiveCommands)
                .as("commands on the archive with the day-3 message the oldest")
                .isEmpty();
        assertThat(kept()).isEqualTo(1);
    }

    @Test
    void anArchiveEmptiedByTheCleanUpHasItsNextMessagesDeletedInTurn() {
        archived(DAY_1);
        assertThat(archive.expireOlderThan(DAY_3)).isEqualTo(1);

        archived(DAY_3);
        assertThat(archive.expireOlderThan(DAY_3.plusMillis(1))).isEqualTo(1);
        assertThat(kept()).isZero();
    }

    @Test
    void aMessageArchivedAfterTheOldestWasRememberedIsDeletedWhenItsTimeComes() {
        archived(DAY_3);
        assertThat(archive.expireOlderThan(DAY_1)).isZero();
        archived(DAY_3.plus(Duration.ofDays(1)));

        assertThat(archive.expireOlderThan(DAY_3.plus(Duration.ofDays(2)))).isEqualTo(2);
        assertThat(kept()).isZero();
    }
}
