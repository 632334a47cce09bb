package org.toxwatch.ingest.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** The MLLP listener's TLS server sockets, requiring a client certificate for mutual TLS when asked to. */
final class MllpTlsSockets extends ServerSocketFactory {

    private final SSLServerSocketFactory tls;
    private final boolean requireClientCertificate;

    MllpTlsSockets(SSLServerSocketFactory tls, boolean requireClientCertificate) {
        this.tls = tls;
        this.requireClientCertificate = requireClientCertificate;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return configured(tls.createServerSocket());
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return configured(tls.createServerSocket(port));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return configured(tls.createServerSocket(port, backlog));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return configured(tls.createServerSocket(port, backlog, address));
    }

    private ServerSocket configured(ServerSocket socket) {
        ((SSLServerSocket) socket).setNeedClientAuth(requireClientCertificate);
        return socket;
    }
}
