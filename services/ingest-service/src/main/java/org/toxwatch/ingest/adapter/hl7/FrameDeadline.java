package org.toxwatch.ingest.adapter.hl7;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads a connection under two limits: between frames, the idle limit (a sender may hold its connection open
 * quietly); once a byte of the next frame (or of junk before it) has come, the frame limit, counted from that byte,
 * however slowly the rest trickles in. Without the second, a peer sending a byte every few minutes would hold a
 * connection slot for ever, never idle long enough to be closed.
 */
final class FrameDeadline extends FilterInputStream {

    /** The frame limit ran out: the connection is to be closed. */
    static final class FrameTimedOut extends SocketTimeoutException {
        FrameTimedOut(Duration limit) {
            super("an MLLP frame was not complete within " + limit);
        }
    }

    private final Socket socket;
    private final Duration idleLimit;
    private final Duration frameLimit;
    private long frameDeadline;
    private boolean inFrame;

    FrameDeadline(Socket socket, InputStream in, Duration idleLimit, Duration frameLimit) {
        super(in);
        this.socket = socket;
        this.idleLimit = idleLimit;
        this.frameLimit = frameLimit;
    }

    /** A frame was read whole: the next byte starts the next frame's clock. */
    void frameRead() {
        inFrame = false;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long timeout;
        if (inFrame) {
            timeout = Math.ceilDiv(frameDeadline - System.nanoTime(), 1_000_000L);
            if (timeout <= 0) {
                throw new FrameTimedOut(frameLimit);
            }
        } else {
            timeout = idleLimit.toMillis();
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
        int read;
        try {
            read = super.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            if (inFrame) {
                throw new FrameTimedOut(frameLimit);
            }
            throw e;
        }
        if (read > 0 && !inFrame) {
            inFrame = true;
            frameDeadline = System.nanoTime() + frameLimit.toNanos();
        }
        return read;
    }
}
