package io.eventline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway as the driver sees it: one non-blocking HTTP/1.1 client (java.net.http) whose
 * completions run on two threads, so the driver takes little CPU from the stack it measures.
 */
final class Gateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The JDK's HTTP client formats a debug message for every read, write and chunk whenever its
     * System.Logger "jdk.internal.httpclient.debug" takes DEBUG, and JBoss LogManager (on the class path
     * with deploy/local) leaves every level at ALL when nothing configures it: a third of the driver's CPU
     * went into messages that no handler printed. INFO at the root stops that (and Kafka's clients' debug
     * logging in the fault scenarios). The System.Logger is asked first so that JBoss LogManager installs
     * itself as the JDK's LogManager before java.util.logging is touched.
     */
    private static final Logger ROOT_LOGGER;

    static {
        System.getLogger("jdk.internal.httpclient.debug");
        ROOT_LOGGER = Logger.getLogger("");
        ROOT_LOGGER.setLevel(Level.INFO);
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final ExecutorService completions = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "http-completions");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;

    /** An answer: status, body and the headers the driver reads; status 0 when none came. */
    record Answer(int status, byte[] body, String etag, long micros) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(completions)
                .build();
    }

    CompletableFuture<Answer> get(String path, String key, String ifNoneMatch) {
        HttpRequest.Builder request = request(path, key).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request.build());
    }

    CompletableFuture<Answer> post(String path, String key, Object body) {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
    }

    CompletableFuture<Answer> delete(String path, String key) {
        return send(request(path, key).DELETE().build());
    }

    private HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json");
    }

    private CompletableFuture<Answer> send(HttpRequest request) {
        long started = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    long micros = (System.nanoTime() - started) / 1000;
                    if (failure != null) {
                        return new Answer(0, new byte[0], null, micros);
                    }
                    return new Answer(response.statusCode(), response.body(),
                            response.headers().firstValue("ETag").orElse(null), micros);
                });
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        completions.shutdownNow();
    }
}
