package org.toxwatch.infrastructure;

import java.util.HashMap;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * H2's single-file store, keeping the buffers it writes chunks from, whatever their size.
 *
 * <p>H2 serializes each chunk (every page changed since the last commit) into one buffer that starts at 1 MB and
 * grows by a megabyte or by half, whichever is more, each time into a new array the old one is copied into, and it
 * keeps a buffer for the next chunk only up to 4 MB. Once the store's collections and indexes are large, nearly
 * every insert changes a different page, and the chunks outgrow that: in the hour's soak, about four a second of 7
 * to 11 MB, each growing its buffer five times (about 26 MB allocated and 17 MB copied per chunk), the launcher's
 * largest allocation (docs/performance.md, "Chunk buffers kept"). Here a buffer goes back to a pool whatever its
 * size, up to {@link #LARGEST_KEPT}.
 */
final class EmbeddedFileStore extends SingleFileStore {

    /** A chunk larger than this is rare enough that its buffer is left to the collector rather than held. */
    static final int LARGEST_KEPT = 32 * 1024 * 1024;

    /** One chunk is serialized while the one before it is written to the file: two buffers are in use at most. */
    private final Queue<WriteBuffer> kept = new ArrayBlockingQueue<>(2);

    /** Not yet open; H2's defaults for everything it reads from its configuration, as {@code MVStore.open} has. */
    EmbeddedFileStore() {
        super(new HashMap<>());
    }

    /** The store in the file, opened as {@code MVStore.open(fileName)} opens it, over an {@code EmbeddedFileStore}. */
    static MVStore open(String fileName) {
        var fileStore = new EmbeddedFileStore();
        fileStore.open(fileName, false, null);
        return new MVStore.Builder().adoptFileStore(fileStore).open();
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        WriteBuffer buffer = kept.poll();
        if (buffer == null) {
            return new WriteBuffer();
        }
        // clear() swaps a buffer whose limit is above 4 MB for the last one it had below that; at an empty limit it
        // keeps the buffer, and clears it.
        buffer.getBuffer().limit(0);
        return buffer.clear();
    }

    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        if (buffer.capacity() <= LARGEST_KEPT) {
            kept.offer(buffer);
        }
    }
}
