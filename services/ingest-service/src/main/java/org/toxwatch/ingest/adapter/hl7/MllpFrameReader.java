package org.toxwatch.ingest.adapter.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.InputHygiene;

/**
 * Reads MLLP frames ({@code <VT> message <FS><CR>}) from a connection. Bytes outside a frame are skipped and
 * counted (broken framing from a misconfigured sender). A frame larger than the limit is read to its end, but
 * nothing beyond the limit is held, and only its head is kept to answer and dead-letter it. Bytes that are not
 * valid in the connection's charset are reported, never silently replaced.
 */
final class MllpFrameReader {

    static final int START_BLOCK = 0x0B;
    static final int END_BLOCK = 0x1C;
    static final int CARRIAGE_RETURN = 0x0D;
    private static final int KEPT_OF_OVERSIZED = 4096;

    /**
     * A complete frame, or an oversized one with just its head.
     *
     * @param encodingProblem where the bytes are not valid in the charset ({@code message} is then the lenient
     *     decoding, for the archive only)
     */
    record Frame(
            String message,
            long size,
            boolean oversized,
            @Nullable String encodingProblem) {}

    private final InputStream in;
    private final int maxMessageBytes;
    private final Charset charset;
    private long skippedBytes;

    MllpFrameReader(InputStream in, int maxMessageBytes, Charset charset) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
        this.charset = charset;
    }

    /** The next frame, or null when the peer closed the connection (a partial frame is discarded). */
    @Nullable
    Frame next() throws IOException {
        int b;
        while ((b = in.read()) != START_BLOCK) {
            if (b < 0) {
                return null;
            }
            skippedBytes++;
        }
        var buffer = new ByteArrayOutputStream(1024);
        long size = 0;
        boolean sawEndBlock = false;
        while (true) {
            b = in.read();
            if (b < 0) {
                return null;
            }
            if (sawEndBlock) {
                if (b == CARRIAGE_RETURN) {
                    break;
                }
                keep(buffer, END_BLOCK, size++);
                sawEndBlock = false;
            }
            if (b == END_BLOCK) {
                sawEndBlock = true;
                continue;
            }
            if (b == START_BLOCK) {
                // A new frame starts inside an unfinished one: the sender gave up on the first; so do we.
                skippedBytes += size;
                buffer.reset();
                size = 0;
                continue;
            }
            keep(buffer, b, size++);
        }
        if (size > maxMessageBytes) {
            byte[] kept = buffer.toByteArray();
            return new Frame(new String(kept, 0, Math.min(kept.length, KEPT_OF_OVERSIZED), charset), size, true, null);
        }
        InputHygiene.Decoded decoded = InputHygiene.decode(buffer.toByteArray(), charset);
        return new Frame(decoded.text(), size, false, decoded.problem());
    }

    /** Holds at most the size limit; what lies beyond is only counted. */
    private void keep(ByteArrayOutputStream buffer, int b, long position) {
        if (position < maxMessageBytes) {
            buffer.write(b);
        }
    }

    long skippedBytes() {
        return skippedBytes;
    }
}
