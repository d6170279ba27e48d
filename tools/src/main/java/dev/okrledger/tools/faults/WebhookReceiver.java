package dev.okrledger.tools.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.okrledger.contract.event.EventCodec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat or paging service at the end of a webhook, in this JVM: answers 204, or 500, or hangs
 * (never answers until it is told to behave again). Counts every alert change it accepted, by
 * alert and change, to find one delivered twice.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Behaviour {
        ANSWERS,
        FAILS,
        HANGS
    }

    private final HttpServer server;
    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final Object behaved = new Object();
    private volatile Behaviour behaviour = Behaviour.ANSWERS;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", this::receive);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
        synchronized (behaved) {
            behaved.notifyAll();
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                synchronized (behaved) {
                    while (behaviour == Behaviour.HANGS) {
                        behaved.wait();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (behaviour == Behaviour.FAILS) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            JsonNode change = EventCodec.mapper().readTree(body);
            accepted.merge(
                    change.get("alert").get("id").asString() + "/"
                            + change.get("change").asString(),
                    1,
                    Integer::sum);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Alert changes accepted more than once. */
    long changesAcceptedTwice() {
        return accepted.values().stream().filter(n -> n > 1).count();
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        behave(Behaviour.ANSWERS);
        server.stop(0);
    }
}
