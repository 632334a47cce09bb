package org.toxwatch.ingest.adapter.hl7;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.toxwatch.platform.LogValues;

/**
 * The MLLP listener: one virtual thread per connection, so many interface-engine connections each waiting
 * for their ACK cost a few kilobytes rather than a platform thread, with blocking code that reads in order.
 * HAPI is used for parsing only; framing and acknowledgement timing are ToxWatch's, so an ACK is written only
 * after the handler has Kafka's answer. Stopped before the Kafka producer (highest lifecycle phase): an
 * in-flight message is finished and acknowledged, new connections are refused.
 */
public final class MllpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MllpServer.class);

    /**
     * @param port 0 picks a free port (tests)
     * @param idleTimeout a connection silent this long between frames is closed
     * @param frameTimeout a connection whose frame is not complete this long after its first byte is closed
     * @param peers who may connect (source addresses, client certificate subjects) and send as which sender
     */
    public record Settings(
            String host,
            int port,
            int maxConnections,
            int maxMessageBytes,
            Duration idleTimeout,
            Duration frameTimeout,
            Charset charset,
            MllpPeers peers) {}

    private final Settings settings;
    private final ServerSocketFactory sockets;
    private final Hl7MessageHandler handler;
    private final Semaphore connectionSlots;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket serverSocket;
    private volatile ExecutorService executor;
    private volatile boolean running;

    public MllpServer(Settings settings, ServerSocketFactory sockets, Hl7MessageHandler handler) {
        this.settings = settings;
        this.sockets = sockets;
        this.handler = handler;
        this.connectionSlots = new Semaphore(settings.maxConnections());
    }

    @Override
    public synchronized void start() {
        try {
            serverSocket = sockets.createServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(settings.host(), settings.port()), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for MLLP on port " + settings.port(), e);
        }
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("mllp-", 0).factory());
        running = true;
        executor.submit(this::accept);
        log.info("MLLP listening on port {}", port());
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = serverSocket.accept();
                if (!connectionSlots.tryAcquire()) {
                    log.warn("MLLP connection refused: {} connections already open", settings.maxConnections());
                    socket.close();
                    continue;
                }
                connections.add(socket);
                executor.submit(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    log.warn("MLLP accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            // The handshake and the allowlist get one frame's time: a peer that never completes it is dropped.
            socket.setSoTimeout((int) settings.frameTimeout().toMillis());
            String refusal = settings.peers().refusal(socket);
            if (refusal != null) {
                log.warn(
                        "MLLP connection from {} refused: {}",
                        socket.getInetAddress().getHostAddress(),
                        refusal);
                return;
            }
            X500Principal subject = MllpPeers.subjectOf(socket);
            var deadline =
                    new FrameDeadline(socket, socket.getInputStream(), settings.idleTimeout(), settings.frameTimeout());
            var frames = new MllpFrameReader(
                    new BufferedInputStream(deadline, 16 * 1024), settings.maxMessageBytes(), settings.charset());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
            MllpFrameReader.Frame frame;
            while ((frame = frames.next()) != null) {
                deadline.frameRead();
                String sender = Hl7Header.read(frame.message()).sender();
                SenderRefusal senderRefusal = settings.peers().refusal(sender, socket.getInetAddress(), subject);
                if (senderRefusal != null) {
                    log.warn(
                            "MLLP message from {} refused ({}): sender {}",
                            socket.getInetAddress().getHostAddress(),
                            senderRefusal.tag(),
                            LogValues.oneLine(sender.length() > 64 ? sender.substring(0, 64) : sender));
                }
                String ack = senderRefusal != null
                        ? handler.refused(frame.message(), senderRefusal)
                        : frame.oversized()
                                ? handler.oversized(frame.message(), frame.size(), settings.maxMessageBytes())
                                : frame.encodingProblem() != null
                                        ? handler.malformed(frame.message(), frame.encodingProblem())
                                        : handler.handle(frame.message());
                out.write(MllpFrameReader.START_BLOCK);
                out.write(ack.getBytes(settings.charset()));
                out.write(MllpFrameReader.END_BLOCK);
                out.write(MllpFrameReader.CARRIAGE_RETURN);
                out.flush();
                if (!running) {
                    break;
                }
            }
            if (frames.skippedBytes() > 0) {
                log.warn("MLLP connection skipped {} bytes outside <VT>...<FS><CR> frames", frames.skippedBytes());
            }
        } catch (FrameDeadline.FrameTimedOut e) {
            log.warn(
                    "MLLP connection from {} closed: a frame was not complete {} after its first byte",
                    socket.getInetAddress().getHostAddress(),
                    settings.frameTimeout());
        } catch (SocketTimeoutException e) {
            log.debug("MLLP connection idle for {}; closed", settings.idleTimeout());
        } catch (SocketException e) {
            log.debug("MLLP connection closed: {}", e.getMessage());
        } catch (IOException e) {
            log.warn("MLLP connection failed: {}", e.getMessage());
        } finally {
            connections.remove(socket);
            connectionSlots.release();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("closing the MLLP listener: {}", e.getMessage());
        }
        // Idle connections are closed; a connection handling a message finishes it and sends its ACK first.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                connections.forEach(MllpServer::shutdownInput);
                if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static void shutdownInput(Socket socket) {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
