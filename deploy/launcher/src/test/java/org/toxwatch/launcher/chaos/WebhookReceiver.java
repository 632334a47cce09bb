package org.toxwatch.launcher.chaos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A hospital's webhook endpoint on loopback: counts every delivery it receives, per alert transition event. */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, AtomicInteger> receivedByEvent = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                JsonNode payload = JSON.readTree(exchange.getRequestBody().readAllBytes());
                String eventId = payload.path("alert").path("eventId").asString();
                receivedByEvent
                        .computeIfAbsent(eventId, id -> new AtomicInteger())
                        .incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Deliveries received per transition event id. */
    Map<String, Integer> received() {
        var copy = new java.util.HashMap<String, Integer>();
        receivedByEvent.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
