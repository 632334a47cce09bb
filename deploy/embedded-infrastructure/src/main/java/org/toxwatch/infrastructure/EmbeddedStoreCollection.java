package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;
import org.jspecify.annotations.Nullable;

/**
 * The stock H2 collection with five changes:
 *
 * <ul>
 *   <li>documents are kept in order of insertion, not of their ids (see {@link #addDocumentInternal});
 *   <li>a query naming one id with other fields finds the document by its id instead of scanning the collection;
 *   <li>an update never changes a document the store already holds;
 *   <li>a scan keeps the version of the store it reads until it ends;
 *   <li>the collection's data size is not kept (see {@link #tracksDataSize()}).
 * </ul>
 *
 * <p>The stock update (mongo-java-server 1.47.0, {@code AbstractMongoCollection.updateDocument}) computes the
 * result on a deep copy, then copies it back into the document it matched, which is the map's own object, and
 * puts that object again. H2 serializes pages on its own thread without the collection's lock, so it could write a
 * document half changed (a field lost, a mix of old and new values, or a page that cannot be read back), and a
 * reply being encoded on a network thread could see the same. Handing the update a shallow copy of each matched
 * document makes it change and put the copy: every object the map has held stays as it was put. A shallow copy is
 * enough because the copy-back only replaces top-level entries with values taken from the deep copy.
 *
 * <p>A scan walks the map as it was when the scan began. H2 keeps only the last five versions and rewrites sparse
 * chunks in the background, so a scan that outlasts a few commits reached pages in chunks H2 had dropped ("Chunk
 * ... not found"). H2's own transactions register the version they read; every scan here does the same.
 */
final class EmbeddedStoreCollection extends H2Collection {

    private static final String ID = "_id";
    private static final String AND = "$and";

    /** Where {@link #nextPosition} and the positions reserved beyond it are kept, in the collection's metadata. */
    private static final String RESERVED_POSITIONS = "reservedPositions";

    /** Positions reserved in the metadata at a time: one small write per so many inserts. */
    private static final long POSITIONS_PER_RESERVATION = 1_024;

    private final MVStore store;
    private final MVMap<Object, Document> documents;
    private final MVMap<String, Object> metadata;

    /** The position the next inserted document takes, unless a document already holds it; guarded by this. */
    private long nextPosition;
    /** Positions below this are reserved in the metadata; guarded by this. */
    private long reservedUntil;

    /** Whether an update or findAndModify is matching documents; guarded by this (the stock methods lock it). */
    private boolean updating;

    EmbeddedStoreCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> metadata,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, metadata, cursorRegistry);
        this.store = documents.getStore();
        this.documents = documents;
        this.metadata = metadata;
        this.nextPosition = metadata.get(RESERVED_POSITIONS) instanceof Long reserved ? reserved : 1;
        this.reservedUntil = nextPosition;
    }

    /**
     * A new document takes the next position in order of insertion, not its id, as the key of the collection's map
     * (the id index maps each id to its position, as it mapped each id to itself before). The archive's and the
     * timeline's ids are digests and random UUIDs: keyed by them, nearly every insert landed in another leaf page of
     * the map, and H2 rewrites every page a commit changed, so the store wrote whole leaves of documents for each one
     * it added. In order of insertion, the inserts of a commit fill the same last leaves, and an update soon after an
     * insert (an archived message accepted) finds its document there too.
     *
     * <p>Documents a store held before keep their ids as positions. A position some document already holds, whatever
     * its id's type, is passed over, so positions never collide with those ids. Positions are reserved in the
     * metadata before a document takes one, so in the same commit or an earlier one, and a restarted store goes on
     * past them: a position is not handed out twice, not even one a removed document left.
     */
    @Override
    protected synchronized Object addDocumentInternal(Document document) {
        while (true) {
            Long position = reservePosition();
            if (documents.putIfAbsent(position, document) == null) {
                return position;
            }
        }
    }

    private Long reservePosition() {
        if (nextPosition == reservedUntil) {
            reservedUntil = nextPosition + POSITIONS_PER_RESERVATION;
            metadata.put(RESERVED_POSITIONS, reservedUntil);
        }
        return nextPosition++;
    }

    /**
     * A query, count, update or delete that no index can answer whole. One that names a single id (and more, as
     * Spring Data's versioned save does: {@code _id} and {@code version}) has at most that document to match, found
     * through the id index; any other scans them all.
     */
    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        Document byId = singleId(query);
        if (byId != null) {
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return matchDocuments(
                            query, index.getPositions(byId), orderBy, skip, limit, batchSize, fieldSelector);
                }
            }
        }
        return readingOneVersion(() -> super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector));
    }

    /**
     * The query's id as a query of its own, when the query names one value for it beside other conditions, at its
     * top level ({@code {_id: 7, version: 2}}, as Spring Data sends) or as one of a top-level {@code $and}: every
     * document it matches has that id. Absent for an operator, a regular expression, an array or no id.
     */
    private static @Nullable Document singleId(Document query) {
        if (query.size() > 1 && isOneValue(query.get(ID))) {
            return new Document(ID, query.get(ID));
        }
        if (query.get(AND) instanceof List<?> conditions && conditions.size() > 1) {
            for (Object condition : conditions) {
                if (condition instanceof Document one && one.size() == 1 && isOneValue(one.get(ID))) {
                    return new Document(ID, one.get(ID));
                }
            }
        }
        return null;
    }

    private static boolean isOneValue(@Nullable Object id) {
        return id != null
                && !(id instanceof Document)
                && !(id instanceof Collection<?>)
                && !(id instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(id);
    }

    /** A removal of a document without an id scans for it. */
    @Override
    protected Object findDocumentPosition(Document document) {
        return readingOneVersion(() -> super.findDocumentPosition(document));
    }

    /** A new index is filled by scanning the documents already stored. */
    @Override
    public void addIndex(Index<Object> index) {
        readingOneVersion(() -> {
            super.addIndex(index);
            return null;
        });
    }

    @Override
    public synchronized Document updateDocuments(
            Document selector, Document update, ArrayFilters arrayFilters, boolean multi, boolean upsert, Oplog oplog) {
        return whileUpdating(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document command) {
        return whileUpdating(() -> super.findAndModify(command));
    }

    /**
     * Keeping it cost every insert, update and delete a BSON encoding of the document to count its bytes and a second
     * write, to the collection's metadata map, under one lock for the collection. Only the size in {@code collStats}
     * and {@code validate} reads it, and ToxWatch asks for neither; on this store that size stays as it was.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** Every query's matches pass through here, by index or by scan; an update's are copied. */
    @Override
    protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
        if (!updating) {
            return super.createQueryResult(matched, batchSize);
        }
        var copies = new ArrayList<Document>(matched.size());
        for (Document document : matched) {
            copies.add(document.clone());
        }
        return super.createQueryResult(copies, batchSize);
    }

    private <T> T readingOneVersion(Supplier<T> scan) {
        TxCounter reading = store.registerVersionUsage();
        try {
            return scan.get();
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    /** Runs a stock update with its matches copied; a call nested in another leaves the flag to the outer one. */
    private Document whileUpdating(Supplier<Document> update) {
        boolean outermost = !updating;
        updating = true;
        try {
            return update.get();
        } finally {
            updating = !outermost;
        }
    }
}
