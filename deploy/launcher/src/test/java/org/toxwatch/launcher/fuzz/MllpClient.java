package org.toxwatch.launcher.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One MLLP connection, as a sending system holds it: one frame out, one acknowledgement frame back. */
public final class MllpClient implements AutoCloseable {

    private static final int START = 0x0B;
    private static final int END = 0x1C;
    private static final int CARRIAGE_RETURN = 0x0D;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public MllpClient(String host, int port, Duration answerTimeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout((int) answerTimeout.toMillis());
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends the message framed and returns the acknowledgement's text; fails if no whole frame comes back. */
    public String send(byte[] message) throws IOException {
        var frame = new ByteArrayOutputStream(message.length + 3);
        frame.write(START);
        frame.writeBytes(message);
        frame.write(END);
        frame.write(CARRIAGE_RETURN);
        out.write(frame.toByteArray());
        out.flush();
        var answer = new ByteArrayOutputStream(512);
        int b = in.read();
        if (b != START) {
            throw new IOException(b < 0 ? "connection closed without an answer" : "answer not framed: " + b);
        }
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("connection closed inside the answer frame");
            }
            answer.write(b);
        }
        if (in.read() != CARRIAGE_RETURN) {
            throw new IOException("answer frame not ended by CR");
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
