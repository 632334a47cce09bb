package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class EmbeddedFileStoreTest {

    private static final int MEGABYTE = 1024 * 1024;
    /** Past the 4 MB up to which H2 keeps a buffer for the next chunk itself. */
    private static final int CHUNK_OF_SIX_MEGABYTES = 6 * MEGABYTE;

    private final EmbeddedFileStore files = new EmbeddedFileStore();

    @Test
    void aBufferThatGrewPastFourMegabytesForOneChunkIsHandedOutEmptyForTheNext() {
        WriteBuffer first = written(CHUNK_OF_SIX_MEGABYTES);
        int grown = first.capacity();
        files.releaseWriteBuffer(first);

        WriteBuffer next = files.getWriteBuffer();

        assertThat(next).isSameAs(first);
        assertThat(next.capacity()).isEqualTo(grown).isGreaterThanOrEqualTo(CHUNK_OF_SIX_MEGABYTES);
        assertThat(next.position()).isZero();
        assertThat(next.limit()).isEqualTo(grown);
    }

    @Test
    void aBufferLargerThanTheLargestKeptIsLeftToTheCollector() {
        files.releaseWriteBuffer(written(EmbeddedFileStore.LARGEST_KEPT + 1));

        assertThat(files.getWriteBuffer().capacity()).isEqualTo(MEGABYTE);
    }

    @Test
    void twoBuffersAreKeptAtMost() {
        WriteBuffer first = written(CHUNK_OF_SIX_MEGABYTES);
        WriteBuffer second = written(CHUNK_OF_SIX_MEGABYTES);
        WriteBuffer third = written(CHUNK_OF_SIX_MEGABYTES);
        files.releaseWriteBuffer(first);
        files.releaseWriteBuffer(second);
        files.releaseWriteBuffer(third);

        assertThat(files.getWriteBuffer()).isSameAs(first);
        assertThat(files.getWriteBuffer()).isSameAs(second);
        assertThat(files.getWriteBuffer().capacity()).isEqualTo(MEGABYTE);
    }

    /** A buffer as H2 releases it once the chunk is in the file: its limit the chunk's length. */
    private WriteBuffer written(int chunkBytes) {
        WriteBuffer buffer = files.getWriteBuffer();
        buffer.put(new byte[chunkBytes]);
        buffer.getBuffer().flip();
        return buffer;
    }
}
