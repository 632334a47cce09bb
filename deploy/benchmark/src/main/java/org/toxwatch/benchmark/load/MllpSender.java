package org.toxwatch.benchmark.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One MLLP connection sending {@link OruMessages} and waiting for each ACK; success is {@code MSA|AA}. */
public final class MllpSender implements ClosedLoopLoad.Sender {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final int connection;
    private final OruMessages messages;

    public MllpSender(int port, int connection, OruMessages messages) throws IOException {
        this.socket = new Socket("localhost", port);
        this.socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
        this.connection = connection;
        this.messages = messages;
    }

    @Override
    public boolean sendOne(long sequence) throws IOException {
        return exchange(out, in, messages.message(connection, sequence));
    }

    /** Sends one message in an MLLP frame and reads the answer's frame; true when it is {@code MSA|AA}. */
    public static boolean exchange(OutputStream out, InputStream in, String message) throws IOException {
        out.write(0x0B);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(0x1C);
        out.write(0x0D);
        out.flush();
        var ack = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            ack.write(b);
        }
        in.read(); // the trailing CR
        return ack.toString(StandardCharsets.UTF_8).contains("MSA|AA|");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
