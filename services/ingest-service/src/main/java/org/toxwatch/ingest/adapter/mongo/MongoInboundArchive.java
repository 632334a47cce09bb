package org.toxwatch.ingest.adapter.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.toxwatch.ingest.application.EventPublisher.EventsNotStored;
import org.toxwatch.ingest.application.InboundArchive;
import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.RejectedMessages;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.ingest.domain.InputHygiene;
import org.toxwatch.model.Topics;

/**
 * The inbound archive in MongoDB, one document per message. A message with an id is keyed by protocol,
 * sender, that id and a digest of its content, so claiming it is a single atomic insert: a concurrent or later
 * copy meets the duplicate key and learns what became of the first, while the same id with other content is a
 * message of its own (flagged {@code controlIdReused} when that id had been accepted before). No transaction is
 * needed. Every rejection id a sender was given stays findable on its document, whatever became of it later.
 *
 * <p>Whether a sender's id was accepted before with other content is told by {@code acceptedKey}, the message key
 * under a unique, sparse index (the embedded MongoDB-wire store uses unique indexes only; a query on messageKey was
 * a scan of the whole archive). The claim's insert takes it, so a message whose id nobody holds costs one insert
 * and, once accepted, one update: two store calls, no read. A claim that ends without acceptance (rejected or
 * released) gives it up, to an acceptance of other content that waited for it ({@code keyWaiting}) if there is
 * one; an accepted message keeps it. Only an insert that meets a duplicate reads: the earlier copy, else the
 * holder of the id.
 *
 * <p>A store that cannot be reached is reported as {@link EventsNotStored}: the sender must retry, as when Kafka
 * is down. Every other failure is a permanent problem with this message.
 */
public final class MongoInboundArchive implements InboundArchive, RejectedMessages {

    static final String COLLECTION = "inbound_messages";
    /** One document per archive collection: when its oldest message arrived, so the clean-up knows if any is due. */
    static final String OLDEST_KEPT = "inbound_messages_oldest";

    private static final String ACCEPTED_KEY = "acceptedKey";
    /** Ids of accepted messages waiting for the key a processing claim holds (other content, same sender id). */
    private static final String KEY_WAITING = "keyWaiting";

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
        mongo.indexOps(COLLECTION).createIndex(new Index().on("messageKey", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("rejectionIds", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on(ACCEPTED_KEY, Sort.Direction.ASC)
                        .unique()
                        .sparse());
        keyEarlierAcceptances();
    }

    /**
     * Messages accepted before {@code acceptedKey} existed get it now (one pass; those whose key another holds
     * already are passed over), so a control id reused after an upgrade is still recognised.
     */
    private void keyEarlierAcceptances() {
        var unkeyed = Query.query(Criteria.where("status")
                .is(Status.ACCEPTED.name())
                .and(ACCEPTED_KEY)
                .exists(false)
                .and("messageKey")
                .exists(true));
        unkeyed.fields().include("_id", "messageKey");
        for (Document accepted : mongo.find(unkeyed, Document.class, COLLECTION)) {
            try {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(accepted.get("_id"))),
                        new Update().set(ACCEPTED_KEY, accepted.getString("messageKey")),
                        COLLECTION);
            } catch (DuplicateKeyException heldByAnother) {
                // another accepted content under this id holds the key: reuse is recognised by that one
            }
        }
    }

    @Override
    public Claim claim(Submission submission, Instant receivedAt) {
        return reachable(() -> claimOnce(submission, receivedAt));
    }

    /**
     * One insert for a message never seen: it takes the sender's id ({@code acceptedKey}) with the claim, so the
     * unique index, not a read, says whether that id is held already. Only when the insert meets a duplicate is
     * anything read: an earlier copy of this content, or else the holder of the id.
     */
    private Claim claimOnce(Submission submission, Instant receivedAt) {
        if (submission.messageId() == null) {
            return new Claim.First(); // nothing to recognise a resend by; archived when its outcome is known
        }
        try {
            mongo.insert(
                    claimOf(submission, receivedAt, false).append(ACCEPTED_KEY, messageKeyOf(submission)), COLLECTION);
            return new Claim.First(false);
        } catch (DuplicateKeyException duplicate) {
            Claim earlier = earlier(submission, receivedAt);
            return earlier != null ? earlier : claimBesideHolder(submission, receivedAt);
        }
    }

    /**
     * Other content holds the sender's id: this message is claimed without it. The id counts as reused when its
     * holder was accepted, or when other content waits for it, accepted while the holder was still processing.
     */
    private Claim claimBesideHolder(Submission submission, Instant receivedAt) {
        Document holder = holderOf(submission);
        if (holder == null) {
            return claimOnce(submission, receivedAt); // the holder gave the id up a moment ago
        }
        boolean reused = Status.ACCEPTED.name().equals(holder.getString("status"))
                || !holder.getList(KEY_WAITING, String.class, List.of()).isEmpty();
        try {
            mongo.insert(claimOf(submission, receivedAt, reused), COLLECTION);
            return new Claim.First(reused);
        } catch (DuplicateKeyException duplicate) {
            Claim earlier = earlier(submission, receivedAt);
            return earlier != null ? earlier : claimOnce(submission, receivedAt);
        }
    }

    private Document claimOf(Submission submission, Instant receivedAt, boolean reused) {
        var document = new Document("_id", idOf(submission))
                .append("protocol", submission.protocol())
                .append("sourceSystem", submission.sourceSystem())
                .append("messageId", submission.messageId())
                .append("messageKey", messageKeyOf(submission))
                .append("contentKey", submission.contentKey())
                .append("receivedAt", receivedAt)
                .append("status", Status.PROCESSING.name())
                .append("resends", 0)
                .append("rawPayload", storable(submission.rawPayload()));
        if (reused) {
            document.append("controlIdReused", true)
                    .append("note", "control id reused with different content: recorded as a message of its own");
        }
        return document;
    }

    private @Nullable Document holderOf(Submission submission) {
        // A find, not exists(): that counts through an aggregation, which the embedded store runs as a full scan.
        var holder = Query.query(Criteria.where(ACCEPTED_KEY).is(messageKeyOf(submission)));
        holder.fields().include("_id", "status", KEY_WAITING);
        return mongo.findOne(holder, Document.class, COLLECTION);
    }

    /** What became of an earlier copy of this very message, or null if there is none (any more). */
    private @Nullable Claim earlier(Submission submission, Instant receivedAt) {
        String id = idOf(submission);
        Document earlier = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id)),
                new Update().inc("resends", 1).set("lastResentAt", receivedAt),
                Document.class,
                COLLECTION);
        if (earlier == null) {
            return null;
        }
        Status status = Status.valueOf(earlier.getString("status"));
        return switch (status) {
            case ACCEPTED ->
                new Claim.AlreadyAccepted(eventIds(earlier), earlier.getList("notMonitored", String.class, List.of()));
            case REJECTED -> retake(id, earlier, receivedAt);
            case PROCESSING ->
                earlier.getDate("receivedAt").toInstant().isBefore(receivedAt.minus(claimExpiry))
                        ? retake(id, earlier, receivedAt)
                        : new Claim.InProgress();
        };
    }

    /** Takes the document over only if nobody changed it since it was read (compare-and-set on its state). */
    private Claim retake(String id, Document earlier, Instant receivedAt) {
        var unchanged = Query.query(Criteria.where("_id")
                .is(id)
                .and("status")
                .is(earlier.getString("status"))
                .and("receivedAt")
                .is(earlier.getDate("receivedAt")));
        // The content is the same (it is part of the key); earlier rejection ids stay, so senders can still look them
        // up.
        var update = new Update()
                .set("status", Status.PROCESSING.name())
                .set("receivedAt", receivedAt)
                .unset("reasons");
        boolean taken = mongo.updateFirst(unchanged, update, COLLECTION).getModifiedCount() == 1;
        return taken ? new Claim.First(earlier.getBoolean("controlIdReused", false)) : new Claim.InProgress();
    }

    @Override
    public void recordAccepted(Submission submission, List<UUID> eventIds, List<String> notMonitored, Instant at) {
        if (submission.messageId() == null) {
            reachable(() -> complete(submission, accepted(eventIds, notMonitored, at), at, null));
            return;
        }
        try {
            // Usually a no-op on the key: the claim took it.
            var keyed = accepted(eventIds, notMonitored, at).set(ACCEPTED_KEY, messageKeyOf(submission));
            reachable(() -> complete(submission, keyed, at, null));
        } catch (DuplicateKeyException keyHeldByAnother) {
            // Other content under the same control id holds the key: accepted first, or still processing.
            reachable(() -> complete(submission, accepted(eventIds, notMonitored, at), at, null));
            reachable(() -> waitForKey(submission));
        }
    }

    /**
     * An acceptance whose key other content holds: if that holder was accepted, it marks the id as used; if it
     * is still processing, this acceptance waits on it and takes the key should the holder give it up
     * (rejected or released), so that a later reuse of the id is still recognised.
     */
    private @Nullable Void waitForKey(Submission submission) {
        String id = idOf(submission);
        String key = messageKeyOf(submission);
        for (int attempt = 0; attempt < 3; attempt++) {
            Document holder = holderOf(submission);
            if (holder == null) {
                if (takeKey(id, key) != KeyTaken.HELD_BY_ANOTHER) {
                    return null;
                }
                continue;
            }
            if (!Status.PROCESSING.name().equals(holder.getString("status"))) {
                return null;
            }
            var stillProcessing = Query.query(
                    Criteria.where("_id").is(holder.get("_id")).and("status").is(Status.PROCESSING.name()));
            if (mongo.updateFirst(stillProcessing, new Update().addToSet(KEY_WAITING, id), COLLECTION)
                            .getMatchedCount()
                    == 1) {
                return null;
            }
        }
        return null;
    }

    private enum KeyTaken {
        TAKEN,
        HELD_BY_ANOTHER,
        NOT_WAITING
    }

    /** Gives the key to an accepted message that lacks it. */
    private KeyTaken takeKey(String id, String key) {
        var acceptedWithoutKey = Query.query(Criteria.where("_id")
                .is(id)
                .and("status")
                .is(Status.ACCEPTED.name())
                .and(ACCEPTED_KEY)
                .exists(false));
        try {
            return mongo.updateFirst(acceptedWithoutKey, new Update().set(ACCEPTED_KEY, key), COLLECTION)
                                    .getModifiedCount()
                            == 1
                    ? KeyTaken.TAKEN
                    : KeyTaken.NOT_WAITING;
        } catch (DuplicateKeyException heldByAnother) {
            return KeyTaken.HELD_BY_ANOTHER;
        }
    }

    /** A claim that ended without acceptance gives its key to the first acceptance that waited for it. */
    private void handOverKey(@Nullable Document given) {
        if (given == null || !given.containsKey(ACCEPTED_KEY)) {
            return;
        }
        for (String waiting : given.getList(KEY_WAITING, String.class, List.of())) {
            if (takeKey(waiting, given.getString(ACCEPTED_KEY)) != KeyTaken.NOT_WAITING) {
                return;
            }
        }
    }

    private static Update accepted(List<UUID> eventIds, List<String> notMonitored, Instant at) {
        var update = new Update()
                .set("status", Status.ACCEPTED.name())
                .set("eventIds", eventIds.stream().map(UUID::toString).toList())
                .set("completedAt", at);
        if (!notMonitored.isEmpty()) {
            // Codes only (LOINC or the sender's test codes), never values: what was received but not read.
            update.set(
                    "notMonitored",
                    notMonitored.stream()
                            .map(code -> InputHygiene.storable(code, KEPT_ID_CHARS))
                            .toList());
        }
        return update;
    }

    @Override
    public void recordRejected(
            Submission submission, UUID rejectionId, InputKind kind, List<String> reasons, Instant at) {
        var update = new Update()
                .set("status", Status.REJECTED.name())
                .set("rejectionId", rejectionId.toString())
                .set("targetTopic", archivedTargetOf(kind))
                .set("reasons", reasons)
                .set("completedAt", at);
        reachable(() -> complete(submission, update, at, rejectionId.toString()));
    }

    /** A keyed message's claim gets its outcome; an unkeyed message is archived now, under its rejection id. */
    private @Nullable Void complete(Submission submission, Update outcome, Instant at, @Nullable String rejectionId) {
        if (submission.messageId() != null) {
            if (rejectionId != null) {
                outcome.addToSet("rejectionIds", rejectionId);
                // Not accepted: the claim gives the sender's id up, to whichever acceptance waited for it.
                Document given = mongo.findAndModify(
                        keyOf(byId(submission)),
                        outcome.unset(ACCEPTED_KEY).unset(KEY_WAITING),
                        Document.class,
                        COLLECTION);
                if (given != null) {
                    handOverKey(given);
                    return null;
                }
            } else if (mongo.updateFirst(byId(submission), outcome, COLLECTION).getMatchedCount() > 0) {
                return null;
            }
            // Rejected before it could be claimed (unreadable: no items to judge): archived now, under its key.
            var unclaimed = new Document("_id", idOf(submission))
                    .append("protocol", submission.protocol())
                    .append("sourceSystem", InputHygiene.storable(submission.sourceSystem(), KEPT_ID_CHARS))
                    .append("messageId", InputHygiene.storable(submission.messageId(), KEPT_ID_CHARS))
                    .append("messageKey", messageKeyOf(submission))
                    .append("contentKey", submission.contentKey())
                    .append("receivedAt", at)
                    .append("resends", 0)
                    .append("rawPayload", storable(submission.rawPayload()));
            if (rejectionId != null) {
                unclaimed.append("rejectionIds", List.of(rejectionId));
            }
            unclaimed.putAll(outcome.getUpdateObject().get("$set", Document.class));
            try {
                mongo.insert(unclaimed, COLLECTION);
            } catch (DuplicateKeyException sameMessageAgain) {
                // An identical copy was rejected a moment ago: the outcome goes onto that one.
                mongo.updateFirst(byId(submission), outcome, COLLECTION);
            }
            return null;
        }
        var document = new Document("_id", rejectionId != null ? rejectionId : "unkeyed:" + UUID.randomUUID())
                .append("protocol", submission.protocol())
                .append("sourceSystem", InputHygiene.storable(submission.sourceSystem(), KEPT_ID_CHARS))
                .append("receivedAt", at)
                .append("resends", 0)
                .append("rawPayload", storable(submission.rawPayload()));
        if (rejectionId != null) {
            document.append("rejectionIds", List.of(rejectionId));
        }
        document.putAll(outcome.getUpdateObject().get("$set", Document.class));
        mongo.insert(document, COLLECTION);
        return null;
    }

    @Override
    public void release(Submission submission) {
        if (submission.messageId() != null) {
            handOverKey(mongo.findAndRemove(
                    keyOf(Query.query(Criteria.where("_id")
                            .is(idOf(submission))
                            .and("status")
                            .is(Status.PROCESSING.name()))),
                    Document.class,
                    COLLECTION));
        }
    }

    @Override
    public List<RejectedMessage> latest(int limit) {
        var query = Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("status").is(Status.REJECTED.name()),
                                Criteria.where("rejectionIds").exists(true)))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(MongoInboundArchive::rejectedMessage)
                .toList();
    }

    /** By archive id, or by any rejection id the sender was given for the message. */
    @Override
    public Optional<RejectedMessage> find(String id) {
        var byEither = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("_id").is(id),
                        Criteria.where("rejectionIds").is(id)));
        return Optional.ofNullable(mongo.findOne(byEither, Document.class, COLLECTION))
                .filter(document -> document.containsKey("rejectionIds")
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
        String target = document.get("targetTopic", "");
        return new RejectedMessage(
                document.getString("_id"),
                document.getString("protocol"),
                document.getString("sourceSystem"),
                document.getString("messageId"),
                target,
                kindOf(target),
                document.getDate("receivedAt").toInstant(),
                document.getList("reasons", String.class, List.of()),
                document.get("rawPayload", ""),
                document.getString("lastReplayOutcome"));
    }

    /**
     * The archive has always named a rejected message's kind by the topic its events were heading for; it keeps
     * that name so that earlier records, the operator's view and replays stay as they were.
     */
    private static String archivedTargetOf(InputKind kind) {
        return switch (kind) {
            case LAB_OR_VITAL_OBSERVATIONS -> Topics.LAB_RESULTS;
            case THERAPY_EVENTS -> Topics.THERAPY_EVENTS;
            case NEURO_ASSESSMENTS -> Topics.NEURO_ASSESSMENTS;
            case CLINICAL_FINDINGS -> Topics.CLINICAL_FINDINGS;
            case DOSE_PLANS -> Topics.DOSE_PLANS;
            case PATIENTS -> Topics.PATIENTS;
        };
    }

    /** Anything not named otherwise (an empty or unknown target) is read again as observations, as before. */
    private static InputKind kindOf(String archivedTarget) {
        for (InputKind kind : InputKind.values()) {
            if (kind != InputKind.LAB_OR_VITAL_OBSERVATIONS && archivedTarget.equals(archivedTargetOf(kind))) {
                return kind;
            }
        }
        return InputKind.LAB_OR_VITAL_OBSERVATIONS;
    }

    /**
     * Deletes the messages received before the cutoff; returns how many went. While the oldest message kept is not
     * before the cutoff, nothing is read but that one time: on a store without secondary indexes (the embedded one)
     * the delete scans the whole archive under the collection's lock, and in the hour's soak that held ingest's
     * archive writes up for about 25 s with nothing to delete.
     *
     * <p>The time remembered is never later than the oldest message kept: deletes only take older messages away,
     * and every message is archived with the time it arrived (a retaken claim with a later one). After a delete
     * that took messages the cutoff itself is remembered, since in a store past its first retention period the
     * next clean-up has messages to delete anyway; only a clean-up that deleted nothing reads the oldest time.
     */
    public long expireOlderThan(Instant cutoff) {
        Instant oldestKept = oldestKept();
        if (oldestKept != null && !oldestKept.isBefore(cutoff)) {
            return 0;
        }
        long deleted = mongo.remove(Query.query(Criteria.where("receivedAt").lt(cutoff)), COLLECTION)
                .getDeletedCount();
        if (deleted > 0) {
            rememberOldestKept(cutoff);
        } else {
            rememberOldestKept(readOldestKept());
        }
        return deleted;
    }

    private @Nullable Instant oldestKept() {
        Document oldest = mongo.findById(COLLECTION, Document.class, OLDEST_KEPT);
        return oldest == null ? null : oldest.getDate("receivedAt").toInstant();
    }

    /** The oldest message's time (an index range on MongoDB, a scan and sort on the embedded store). */
    private @Nullable Instant readOldestKept() {
        var first = new Query().with(Sort.by(Sort.Direction.ASC, "receivedAt")).limit(1);
        first.fields().include("receivedAt");
        Document oldest = mongo.findOne(first, Document.class, COLLECTION);
        return oldest == null ? null : oldest.getDate("receivedAt").toInstant();
    }

    /** An empty archive forgets it, so that its next messages are read for again. */
    private void rememberOldestKept(@Nullable Instant oldest) {
        var remembered = Query.query(Criteria.where("_id").is(COLLECTION));
        if (oldest == null) {
            mongo.remove(remembered, OLDEST_KEPT);
        } else {
            mongo.upsert(remembered, new Update().set("receivedAt", oldest), OLDEST_KEPT);
        }
    }

    /** The query, answering only the key and who waits for it. */
    private static Query keyOf(Query query) {
        query.fields().include(ACCEPTED_KEY, KEY_WAITING);
        return query;
    }

    private static Query byId(Submission submission) {
        return Query.query(Criteria.where("_id").is(idOf(submission)));
    }

    /** Hashed so that a long sender or message id cannot exceed MongoDB's index key size. */
    static String idOf(Submission submission) {
        return Submission.digestOf(messageKeyOf(submission) + "\n" + submission.contentKey());
    }

    /** The sender's message id, whatever the content: what a reused control id shares. */
    private static String messageKeyOf(Submission submission) {
        return Submission.digestOf(
                submission.protocol() + "\n" + submission.sourceSystem() + "\n" + submission.messageId());
    }

    /** Kept whole up to a bound far below MongoDB's 16 MB document limit (entry points refuse larger input). */
    private static final int KEPT_PAYLOAD_CHARS = 2 * 1024 * 1024;

    private static final int KEPT_ID_CHARS = 256;

    private static String storable(String rawPayload) {
        return InputHygiene.storable(rawPayload, KEPT_PAYLOAD_CHARS);
    }

    private static <T> T reachable(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            throw new EventsNotStored("the inbound archive is unavailable", e);
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
