package org.toxwatch.platform;

import java.util.List;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One unordered bulk insert of documents whose id is the event they record. A document whose id is stored already
 * was written by an earlier delivery of the same event, so it is the same document: the store refuses it as a
 * duplicate key, keeps the one it has and inserts the others. Unlike an upsert by id, the store need not look each id
 * up first.
 */
public final class InsertsKeepingStored {

    /** The server's code for a duplicate key, on MongoDB and on the embedded store alike. */
    private static final int DUPLICATE_KEY = 11_000;

    private InsertsKeepingStored() {}

    public static void insertAll(MongoTemplate mongo, Class<?> type, List<?> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type)
                    .insert(documents)
                    .execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        }
    }
}
