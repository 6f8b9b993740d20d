package io.eventline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to the running stack's gateway as a client sends them, and the checks every refusal must
 * pass: the status, {@code application/problem+json}, a body naming the problem, no stack trace.
 */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for a 1 MB article to be extracted on a loaded machine; a hang is a failure. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A stack frame ({@code at io.eventline.X.y(X.java:12)}), a chained cause, or a qualified exception class. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Caused by:|\\b[a-z]+\\.[a-z]+(\\.[\\w$]+)*(Exception|Error)\\b");

    /** HTTP/1.1 as newsrooms send it (the JDK client would otherwise try an h2c upgrade on each new connection). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    Gateway(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    /** What came back; {@code contentType} is empty when there was none. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + " " + contentType + "): " + abbreviate(body), e);
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + abbreviate(body);
        }
    }

    Reply send(String method, String pathAndQuery, String key, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + pathAndQuery)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT + " to " + request.method() + " " + request.uri(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply postJson(String path, String key, String json) {
        return send("POST", path, key, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Reply get(String pathAndQuery, String key) {
        return send("GET", pathAndQuery, key, null, null);
    }

    /**
     * A refusal as every endpoint must give it: {@code status}, {@code application/problem+json} whose
     * {@code status} member agrees, whose text names each of {@code named} (case-insensitive), and no stack trace.
     */
    static JsonNode assertProblem(Reply reply, int status, String... named) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).as("problem status member of %s", reply).isEqualTo(status);
        assertThat(problem.path("title").asText()).as("problem title of %s", reply).isNotBlank();
        for (String name : named) {
            assertThat(reply.body()).as("problem of %s names %s", reply, name).containsIgnoringCase(name);
        }
        assertNoStackTrace(reply);
        return problem;
    }

    static void assertNoStackTrace(Reply reply) {
        assertThat(stackTraceIn(reply.body())).as("stack trace text in %s", reply).isNull();
    }

    /** The first stack-trace-looking text in {@code body}, or {@code null}. */
    static String stackTraceIn(String body) {
        var matcher = STACK_TRACE.matcher(body);
        return matcher.find() ? matcher.group() : null;
    }

    static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "... (" + text.length() + " characters)";
    }
}
