package io.eventline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools Protocol with the JDK's WebSocket client.
 * Selenium is not in the build's Maven repository (and Playwright downloads browsers), so this is the
 * smallest driver that runs a real browser: navigate, evaluate script in the page, take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    /** A ceiling so a broken browser fails the test instead of hanging it; nothing is asserted about time. */
    private static final long CALL_LIMIT_SECONDS = 60;

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** Where the browser is: {@code CHROMIUM} or Debian's {@code /usr/bin/chromium}. */
    static Path executable() {
        String configured = System.getenv("CHROMIUM");
        return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    }

    static HeadlessChromium start(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("eventline-chromium");
        Process process = new ProcessBuilder(executable().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String browserUrl = null;
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        for (String line; (line = stderr.readLine()) != null; ) {
            Matcher matcher = DEVTOOLS.matcher(line);
            if (matcher.find()) {
                browserUrl = matcher.group(1);
                break;
            }
        }
        if (browserUrl == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium exited without opening its DevTools port");
        }
        Thread drain = new Thread(() -> stderr.lines().forEach(line -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();

        // The page target the browser opened (about:blank), from the DevTools HTTP endpoint.
        URI base = URI.create(browserUrl.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", ""));
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        for (int attempt = 0; attempt < 100 && pageSocket == null; attempt++) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    pageSocket = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageSocket == null) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        if (pageSocket == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium opened no page");
        }
        return new HeadlessChromium(process, profile, http, URI.create(pageSocket));
    }

    private HeadlessChromium(Process process, Path profile, HttpClient http, URI pageSocket) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder().buildAsync(pageSocket, new Listener())
                .get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
        call("Page.enable", JSON.createObjectNode());
        call("Runtime.enable", JSON.createObjectNode());
    }

    /** Opens the URL and waits for its load event. */
    void navigate(String url) throws Exception {
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        awaitTrue("document.readyState === 'complete'", "the page " + url + " to load");
    }

    /** Runs an expression in the page (awaiting a promise) and returns its JSON value. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true in the page; the limit is a ceiling, not a measurement. */
    void awaitTrue(String expression, String what) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (evaluate("Boolean(" + expression + ")").asBoolean()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("never happened in the browser: " + what + " (" + expression + ")");
    }

    void screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
                .put("captureBeyondViewport", false));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
        JsonNode reply = answer.get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // the browser is going away anyway
        }
        // Chromium's helper processes (zygote, renderers, crash handler) write to the profile too, and may
        // outlive the main process by a moment: the whole tree is stopped before the profile is removed
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        deleteProfile();
    }

    /** Removes the temporary profile; a file gone meanwhile or left behind does not fail the test that used the browser. */
    private void deleteProfile() {
        try {
            Files.walkFileTree(profile, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    file.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) {
                    directory.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.out.println("[browser] could not remove the profile " + profile + ": " + e);
        }
    }

    /** Collects text frames into messages and hands replies to their callers; console errors are printed. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else if ("Runtime.exceptionThrown".equals(message.path("method").asText())
                            || "Runtime.consoleAPICalled".equals(message.path("method").asText())
                            && "error".equals(message.at("/params/type").asText())) {
                        System.out.println("[browser] " + message.get("params"));
                    }
                } catch (IOException e) {
                    System.out.println("[browser] unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
