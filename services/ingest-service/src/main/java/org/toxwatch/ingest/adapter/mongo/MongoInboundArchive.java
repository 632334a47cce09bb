package org.toxwatch.ingest.adapter.mongo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.toxwatch.ingest.application.InboundArchive;
import org.toxwatch.ingest.application.RejectedMessages;
import org.toxwatch.ingest.application.Submission;

/**
 * The inbound archive in MongoDB, one document per message. A message with an id is keyed by protocol,
 * sender and that id, so claiming it is a single atomic insert: a concurrent or later copy meets the
 * duplicate key and learns what became of the first. No transaction is needed.
 */
public final class MongoInboundArchive implements InboundArchive, RejectedMessages {

    static final String COLLECTION = "inbound_messages";

    private final MongoTemplate mongo;
    private final Duration claimExpiry;

    /**
     * @param claimExpiry after how long an unfinished claim is taken over (the first copy's process died
     *     between Kafka's acknowledgement and the archive update; its events carry the same deterministic
     *     ids, so publishing them again cannot create a second clinical event downstream)
     */
    public MongoInboundArchive(MongoTemplate mongo, Duration claimExpiry) {
        this.mongo = mongo;
        this.claimExpiry = claimExpiry;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("receivedAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC));
    }

    @Override
    public Claim claim(Submission submission, Instant receivedAt) {
        if (submission.messageId() == null) {
            return new Claim.First(); // nothing to recognise a resend by; archived when its outcome is known
        }
        var document = new Document("_id", idOf(submission))
                .append("protocol", submission.protocol())
                .append("sourceSystem", submission.sourceSystem())
                .append("messageId", submission.messageId())
                .append("receivedAt", receivedAt)
                .append("status", Status.PROCESSING.name())
                .append("resends", 0)
                .append("rawPayload", submission.rawPayload());
        try {
            mongo.insert(document, COLLECTION);
            return new Claim.First();
        } catch (DuplicateKeyException duplicate) {
            return earlier(submission, receivedAt);
        }
    }

    private Claim earlier(Submission submission, Instant receivedAt) {
        String id = idOf(submission);
        Document earlier = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id)),
                new Update().inc("resends", 1).set("lastResentAt", receivedAt),
                Document.class,
                COLLECTION);
        if (earlier == null) {
            return claim(submission, receivedAt);
        }
        Status status = Status.valueOf(earlier.getString("status"));
        return switch (status) {
            case ACCEPTED -> new Claim.AlreadyAccepted(eventIds(earlier));
            case REJECTED -> retake(id, earlier, receivedAt, submission);
            case PROCESSING ->
                earlier.getDate("receivedAt").toInstant().isBefore(receivedAt.minus(claimExpiry))
                        ? retake(id, earlier, receivedAt, submission)
                        : new Claim.InProgress();
        };
    }

    /** Takes the document over only if nobody changed it since it was read (compare-and-set on its state). */
    private Claim retake(String id, Document earlier, Instant receivedAt, Submission submission) {
        var unchanged = Query.query(Criteria.where("_id")
                .is(id)
                .and("status")
                .is(earlier.getString("status"))
                .and("receivedAt")
                .is(earlier.getDate("receivedAt")));
        var update = new Update()
                .set("status", Status.PROCESSING.name())
                .set("receivedAt", receivedAt)
                .set("rawPayload", submission.rawPayload())
                .unset("rejectionId")
                .unset("reasons");
        boolean taken = mongo.updateFirst(unchanged, update, COLLECTION).getModifiedCount() == 1;
        return taken ? new Claim.First() : new Claim.InProgress();
    }

    @Override
    public void recordAccepted(Submission submission, List<UUID> eventIds, Instant at) {
        var update = new Update()
                .set("status", Status.ACCEPTED.name())
                .set("eventIds", eventIds.stream().map(UUID::toString).toList())
                .set("completedAt", at);
        complete(submission, update, at);
    }

    @Override
    public void recordRejected(
            Submission submission, UUID rejectionId, String targetTopic, List<String> reasons, Instant at) {
        var update = new Update()
                .set("status", Status.REJECTED.name())
                .set("rejectionId", rejectionId.toString())
                .set("targetTopic", targetTopic)
                .set("reasons", reasons)
                .set("completedAt", at);
        complete(submission, update, at);
    }

    private void complete(Submission submission, Update outcome, Instant at) {
        if (submission.messageId() != null) {
            mongo.updateFirst(byId(submission), outcome, COLLECTION);
            return;
        }
        var document = new Document("_id", "unkeyed:" + UUID.randomUUID())
                .append("protocol", submission.protocol())
                .append("sourceSystem", submission.sourceSystem())
                .append("receivedAt", at)
                .append("resends", 0)
                .append("rawPayload", submission.rawPayload());
        document.putAll(outcome.getUpdateObject().get("$set", Document.class));
        mongo.insert(document, COLLECTION);
    }

    @Override
    public void release(Submission submission) {
        if (submission.messageId() != null) {
            mongo.remove(
                    Query.query(Criteria.where("_id")
                            .is(idOf(submission))
                            .and("status")
                            .is(Status.PROCESSING.name())),
                    COLLECTION);
        }
    }

    @Override
    public List<RejectedMessage> latest(int limit) {
        var query = Query.query(Criteria.where("status").is(Status.REJECTED.name()))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(MongoInboundArchive::rejectedMessage)
                .toList();
    }

    @Override
    public Optional<RejectedMessage> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION))
                .filter(document -> document.containsKey("rejectionId")
                        || Status.REJECTED.name().equals(document.getString("status")))
                .map(MongoInboundArchive::rejectedMessage);
    }

    @Override
    public void replayed(String id, String outcome, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("lastReplayOutcome", outcome).set("lastReplayedAt", at),
                COLLECTION);
    }

    private static RejectedMessage rejectedMessage(Document document) {
        return new RejectedMessage(
                document.getString("_id"),
                document.getString("protocol"),
                document.getString("sourceSystem"),
                document.getString("messageId"),
                document.get("targetTopic", ""),
                document.getDate("receivedAt").toInstant(),
                document.getList("reasons", String.class, List.of()),
                document.get("rawPayload", ""),
                document.getString("lastReplayOutcome"));
    }

    /** Deletes what is older than the retention period; returns how many messages went. */
    public long expireOlderThan(Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("receivedAt").lt(cutoff)), COLLECTION)
                .getDeletedCount();
    }

    private static Query byId(Submission submission) {
        return Query.query(Criteria.where("_id").is(idOf(submission)));
    }

    /** Hashed so that a long sender or message id cannot exceed MongoDB's index key size. */
    static String idOf(Submission submission) {
        String key = submission.protocol() + "\n" + submission.sourceSystem() + "\n" + submission.messageId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<UUID> eventIds(Document document) {
        return document.getList("eventIds", String.class, List.of()).stream()
                .map(UUID::fromString)
                .toList();
    }

    enum Status {
        PROCESSING,
        ACCEPTED,
        REJECTED
    }
}
