package org.toxwatch.ingest.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.toxwatch.ingest.application.InboundArchive.Claim;
import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** The archive's claim is what keeps a resend from publishing twice: tested on a real MongoDB-wire server. */
class MongoInboundArchiveIT {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static MongoClient client;
    private static MongoInboundArchive archive;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(IntegrationInfrastructure.shared().mongoUri("inbound-archive-it"));
        archive = new MongoInboundArchive(new MongoTemplate(client, "inbound-archive-it"), Duration.ofMinutes(1));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static Submission message() {
        return new Submission("HL7V2", "LIS@ST-ELSEWHERE", "MSG-" + UUID.randomUUID(), "MSH|...");
    }

    @Test
    void ofManyConcurrentCopiesExactlyOneIsProcessed() throws Exception {
        Submission submission = message();
        int copies = 8;
        var start = new CountDownLatch(1);
        List<Future<Claim>> claims = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(copies)) {
            for (int i = 0; i < copies; i++) {
                Callable<Claim> claim = () -> {
                    start.await();
                    return archive.claim(submission, NOW);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            var results = new ArrayList<Claim>();
            for (Future<Claim> claim : claims) {
                results.add(claim.get());
            }
            assertThat(results).filteredOn(Claim.First.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Claim.InProgress.class::isInstance).hasSize(copies - 1);
        }
    }

    @Test
    void anAcceptedMessageAnswersItsResendWithTheOriginalEventIds() {
        Submission submission = message();
        List<UUID> eventIds = List.of(UUID.randomUUID(), UUID.randomUUID());
        archive.claim(submission, NOW);
        archive.recordAccepted(submission, eventIds, NOW);

        assertThat(archive.claim(submission, NOW.plusSeconds(5))).isEqualTo(new Claim.AlreadyAccepted(eventIds));
    }

    @Test
    void theResultsSkippedAsNotMonitoredAreArchivedAndAnsweredToAResend() {
        Submission submission = message();
        List<UUID> eventIds = List.of(UUID.randomUUID());
        archive.claim(submission, NOW);
        archive.recordAccepted(submission, eventIds, List.of("789-8", "2951-2"), NOW);

        assertThat(archive.claim(submission, NOW.plusSeconds(5)))
                .isEqualTo(new Claim.AlreadyAccepted(eventIds, List.of("789-8", "2951-2")));
    }

    @Test
    void aRejectedMessageIsJudgedAgainAndAReleasedOneIsProcessedAfresh() {
        Submission rejected = message();
        archive.claim(rejected, NOW);
        archive.recordRejected(
                rejected, UUID.randomUUID(), InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("OBX^1^6: bad unit"), NOW);
        Submission released = message();
        archive.claim(released, NOW);
        archive.release(released);

        assertThat(archive.claim(rejected, NOW.plusSeconds(5))).isInstanceOf(Claim.First.class);
        assertThat(archive.claim(released, NOW.plusSeconds(5))).isInstanceOf(Claim.First.class);
    }

    @Test
    void aClaimLeftUnfinishedIsTakenOverOnlyAfterItExpires() {
        Submission submission = message();
        archive.claim(submission, NOW);

        assertThat(archive.claim(submission, NOW.plusSeconds(59))).isInstanceOf(Claim.InProgress.class);
        assertThat(archive.claim(submission, NOW.plusSeconds(61))).isInstanceOf(Claim.First.class);
        assertThat(archive.claim(submission, NOW.plusSeconds(62)))
                .as("the takeover is itself a claim")
                .isInstanceOf(Claim.InProgress.class);
    }

    @Test
    void rejectsAreListedNewestFirstWithTheirReasons() {
        Submission older = message();
        Submission newer = message();
        archive.claim(older, NOW.plusSeconds(100));
        archive.recordRejected(
                older, UUID.randomUUID(), InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("older"), NOW.plusSeconds(100));
        archive.claim(newer, NOW.plusSeconds(200));
        archive.recordRejected(
                newer, UUID.randomUUID(), InputKind.THERAPY_EVENTS, List.of("newer"), NOW.plusSeconds(200));

        var latest = archive.latest(2);

        assertThat(latest).extracting(r -> r.reasons().getFirst()).containsExactly("newer", "older");
        assertThat(latest.getFirst().targetTopic()).isEqualTo(Topics.THERAPY_EVENTS);
        assertThat(latest.getFirst().kind()).isEqualTo(InputKind.THERAPY_EVENTS);
        assertThat(archive.find(latest.getFirst().id())).isPresent();
    }

    @Test
    void theSameIdWithOtherContentGetsAClaimOfItsOwnFlaggedAsAReusedControlId() {
        String messageId = "MSG-" + UUID.randomUUID();
        var first = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||2.5");
        var newValue = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||0.1");
        List<UUID> eventIds = List.of(UUID.randomUUID());
        archive.claim(first, NOW);
        archive.recordAccepted(first, eventIds, NOW);

        assertThat(archive.claim(newValue, NOW.plusSeconds(5))).isEqualTo(new Claim.First(true));
        assertThat(archive.claim(first, NOW.plusSeconds(6)))
                .as("an exact copy is still a resend")
                .isEqualTo(new Claim.AlreadyAccepted(eventIds));
    }

    @Test
    void aControlIdReusedTwiceIsFlaggedEachTimeAndEveryAcceptedContentAnswersItsOwnResend() {
        String messageId = "MSG-" + UUID.randomUUID();
        var first = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||2.5");
        var second = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||0.1");
        var third = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||0.7");
        List<UUID> firstIds = List.of(UUID.randomUUID());
        List<UUID> secondIds = List.of(UUID.randomUUID());
        archive.claim(first, NOW);
        archive.recordAccepted(first, firstIds, NOW);
        archive.claim(second, NOW.plusSeconds(1));
        archive.recordAccepted(second, secondIds, NOW.plusSeconds(1));

        assertThat(archive.claim(third, NOW.plusSeconds(2))).isEqualTo(new Claim.First(true));
        assertThat(archive.claim(second, NOW.plusSeconds(3))).isEqualTo(new Claim.AlreadyAccepted(secondIds));
        assertThat(archive.claim(first, NOW.plusSeconds(4))).isEqualTo(new Claim.AlreadyAccepted(firstIds));
    }

    @Test
    void aMessageAcceptedByAnEarlierVersionStillMarksItsControlIdAsUsed() {
        String database = "inbound-archive-upgrade-it-" + UUID.randomUUID();
        var mongo = new MongoTemplate(client, database);
        String messageId = "MSG-" + UUID.randomUUID();
        var earlier = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||2.5");
        var laterContent = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||0.1");
        // As the archive stored an accepted message before it kept acceptedKey.
        var earlierArchive = new MongoInboundArchive(mongo, Duration.ofMinutes(1));
        earlierArchive.claim(earlier, NOW);
        earlierArchive.recordAccepted(earlier, List.of(UUID.randomUUID()), NOW);
        mongo.updateFirst(
                Query.query(Criteria.where("messageId").is(messageId)),
                new Update().unset("acceptedKey"),
                MongoInboundArchive.COLLECTION);

        var upgraded = new MongoInboundArchive(mongo, Duration.ofMinutes(1));

        assertThat(upgraded.claim(laterContent, NOW.plusSeconds(5))).isEqualTo(new Claim.First(true));
    }

    @Test
    void aNewIdAfterARejectionIsNotAReusedControlId() {
        String messageId = "MSG-" + UUID.randomUUID();
        var rejected = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||2.5|mg");
        var fixed = new Submission("HL7V2", "LIS@ST-ELSEWHERE", messageId, "OBX|1|NM|751-8^^LN||2.5|10*9/L");
        archive.claim(rejected, NOW);
        archive.recordRejected(
                rejected, UUID.randomUUID(), InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("OBX^1^6: bad unit"), NOW);

        assertThat(archive.claim(fixed, NOW.plusSeconds(5))).isEqualTo(new Claim.First(false));
    }

    @Test
    void everyRejectionIdASenderWasGivenFindsItsMessageEvenAfterAResend() {
        Submission keyed = message();
        UUID firstRejection = UUID.randomUUID();
        UUID secondRejection = UUID.randomUUID();
        archive.claim(keyed, NOW);
        archive.recordRejected(keyed, firstRejection, InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("first"), NOW);
        archive.claim(keyed, NOW.plusSeconds(1));
        archive.recordRejected(
                keyed, secondRejection, InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("second"), NOW.plusSeconds(1));
        var unkeyed = new Submission("JSON", "integration", null, "null");
        UUID unkeyedRejection = UUID.randomUUID();
        archive.recordRejected(
                unkeyed, unkeyedRejection, InputKind.LAB_OR_VITAL_OBSERVATIONS, List.of("body: is null"), NOW);

        assertThat(archive.find(firstRejection.toString()))
                .hasValueSatisfying(found -> assertThat(found.reasons()).containsExactly("second"));
        assertThat(archive.find(secondRejection.toString())).isPresent();
        assertThat(archive.find(unkeyedRejection.toString()))
                .hasValueSatisfying(found -> assertThat(found.rawPayload()).isEqualTo("null"));
    }

    @Test
    void aKeyedMessageRejectedBeforeAnyClaimIsListedUnderTheSendersControlId() {
        String controlId = "MSG-" + UUID.randomUUID();
        var unreadable = new Submission("HL7V2", "LIS@ST-ELSEWHERE", controlId, "MSH|^~\\&|LIS\rPID|1");
        UUID rejection = UUID.randomUUID();

        archive.recordRejected(
                unreadable,
                rejection,
                InputKind.LAB_OR_VITAL_OBSERVATIONS,
                List.of("no OBR segment"),
                NOW.plusSeconds(900));

        assertThat(archive.latest(1)).singleElement().satisfies(listed -> {
            assertThat(listed.messageId()).isEqualTo(controlId);
            assertThat(listed.reasons()).containsExactly("no OBR segment");
        });
        assertThat(archive.find(rejection.toString())).isPresent();
    }
}
