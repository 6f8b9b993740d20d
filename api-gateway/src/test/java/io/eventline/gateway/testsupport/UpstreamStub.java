package io.eventline.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP server standing in for ingest-service or timeline-service. By default it answers every
 * request with 200 and a JSON echo of what it received (method, uri, headers, body) and records the
 * request; tests can install their own behaviour for a path (slow answers, 304s, streaming).
 */
public final class UpstreamStub {

    /** What the stub received, as the upstream service would see it. */
    public record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

    private UpstreamStub(String name, int port) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static UpstreamStub start(String name) {
        return start(name, 0);
    }

    /** Starts on the given port, for tests where a service comes up at an address the gateway already knows. */
    public static UpstreamStub start(String name, int port) {
        try {
            return new UpstreamStub(name, port);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the " + name + " stub", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replaces the echo for requests to exactly this path. */
    public void on(String path, HttpHandler handler) {
        handlers.put(path, handler);
    }

    /** Forget installed behaviours and recorded requests, so tests don't see each other's traffic. */
    public void reset() {
        handlers.clear();
        received.clear();
    }

    /** The next request the stub received, waiting briefly for it to arrive. */
    public Received takeRequest() {
        try {
            Received next = received.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the " + name + " stub received no request");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether any request reached the stub within the given time. */
    public boolean receivedAnything(Duration within) {
        try {
            return received.poll(within.toMillis(), TimeUnit.MILLISECONDS) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpHandler custom = handlers.get(exchange.getRequestURI().getRawPath());
            if (custom != null) {
                custom.handle(exchange);
                return;
            }
            Received request = record(exchange, readAll(exchange.getRequestBody()));
            byte[] echo = echo(request).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, echo.length);
            exchange.getResponseBody().write(echo);
        }
    }

    /** Records a request whose body a custom handler has read itself. */
    public Received record(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
        received.add(request);
        return request;
    }

    public static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (status == 304 || status == 204) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String echo(Received request) {
        JsonObject headers = new JsonObject();
        request.headers().forEach((k, v) -> headers.put(k.toLowerCase(), new JsonArray(v)));
        return new JsonObject()
                .put("method", request.method())
                .put("uri", request.uri())
                .put("headers", headers)
                .put("body", request.bodyText())
                .encode();
    }
}
