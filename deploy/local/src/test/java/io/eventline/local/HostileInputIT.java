package io.eventline.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.eventline.local.Gateway.JSON;
import static io.eventline.local.Gateway.assertNoStackTrace;
import static io.eventline.local.Gateway.assertProblem;
import static io.eventline.local.StoredState.ARTICLES_TOPIC;
import static io.eventline.local.StoredState.DEAD_LETTER_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input against the whole running stack, through the gateway, one test per class of input
 * (issue 7 item 4, issue 5 item 11, issue 4 item 14). Each refusal is a 4xx problem naming the problem
 * with no stack trace; a refused article left no record in Kafka and no row in the database; an accepted
 * one is in the topic once, applied, and not dead-lettered; every service is healthy after each test.
 */
class HostileInputIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String ARTICLES = "/api/v1/articles";
    private static final String EXTRACT = "/api/v1/extract";
    private static final String EVENTS = "/api/v1/events";
    private static final String TIMELINES = "/api/v1/timelines";
    private static final String SCRIPT = "<script>alert('eventline')</script>";
    private static final String SQL = "'; DROP TABLE event; -- \" OR 1=1 /* % _ \\";

    private static LocalStack stack;
    private static Gateway gateway;
    private static StoredState stored;
    private static String newsroom;
    private static String dashboard;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.get();
        gateway = new Gateway(stack.settings().gatewayUrl());
        stored = new StoredState(stack.settings());
        newsroom = stack.settings().newsroomKey();
        dashboard = stack.settings().dashboardKey();
    }

    @AfterEach
    void everyServiceStaysHealthy() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stored.health())
                .as("health of every service after the test").allSatisfy((service, status) -> assertThat(status).isEqualTo("UP")));
    }

    // ---- issue 7 item 4: bodies -----------------------------------------------------------------

    @Test
    void malformedJsonIsA400NamingJsonOnEveryEndpointThatTakesABody() {
        String id = "hostile-malformed-" + RUN;
        for (String body : List.of("{\"id\": \"" + id + "\", \"title\": ", "{id: '" + id + "'}", "not json " + id, "[1, 2")) {
            assertProblem(gateway.postJson(ARTICLES, newsroom, body), 400, "JSON");
            assertProblem(gateway.postJson(EXTRACT, dashboard, body), 400, "JSON");
            assertProblem(gateway.postJson(TIMELINES, dashboard, body), 400, "body");
        }
        // A valid object followed by more: a 400 whichever part the parser stops at.
        String trailing = "{\"id\": \"" + id + "\"} trailing";
        assertProblem(gateway.postJson(ARTICLES, newsroom, trailing), 400);
        assertProblem(gateway.postJson(EXTRACT, dashboard, trailing), 400);
        assertProblem(gateway.postJson(TIMELINES, dashboard, trailing), 400);
        assertNothingStored(id);
    }

    @Test
    void anEmptyBodyIsA400() {
        assertProblem(gateway.postJson(ARTICLES, newsroom, ""), 400, "body");
        assertProblem(gateway.postJson(EXTRACT, dashboard, ""), 400, "body");
        assertProblem(gateway.postJson(TIMELINES, dashboard, ""), 400, "body");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsA400NamingTheField() throws Exception {
        Map<String, Object> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("title", List.of("a", "list"));
        wrongTypes.put("authors", Map.of("name", "an object"));
        wrongTypes.put("body", Map.of("text", "an object"));
        wrongTypes.put("publishedAt", 20250220);
        wrongTypes.put("language", true);
        for (var wrong : wrongTypes.entrySet()) {
            String id = "hostile-type-" + wrong.getKey() + "-" + RUN;
            Map<String, Object> article = article(id);
            article.put(wrong.getKey(), wrong.getValue());
            assertProblem(postArticle(article), 400, wrong.getKey());
            assertNothingStored(id);
        }
        Map<String, Object> id = article("unused");
        id.put("id", Map.of("id", "an object"));
        assertProblem(postArticle(id), 400, "id");

        assertProblem(gateway.postJson(EXTRACT, dashboard, "{\"text\": {\"a\": 1}, \"publishedAt\": \"2025-02-20\"}"), 400, "text");
        assertProblem(gateway.postJson(EXTRACT, dashboard, "{\"text\": \"In 1846.\", \"publishedAt\": [2025, 2, 20]}"), 400, "publishedAt");
        assertProblem(gateway.postJson(TIMELINES, dashboard, "{\"name\": \"x\", \"entities\": \"not a list\"}"), 400, "entities");
        assertProblem(gateway.postJson(TIMELINES, dashboard, "{\"name\": {\"a\": 1}}"), 400, "name");
    }

    @Test
    void missingFieldsAreA400NamingEachOne() {
        JsonNode article = assertProblem(gateway.postJson(ARTICLES, newsroom, "{}"), 400);
        assertThat(article.toString()).contains("\"id\"", "\"url\"", "\"title\"", "\"body\"", "\"publishedAt\"", "\"source\"");
        JsonNode extraction = assertProblem(gateway.postJson(EXTRACT, dashboard, "{}"), 400);
        assertThat(extraction.toString()).contains("text", "publishedAt");
        assertProblem(gateway.postJson(TIMELINES, dashboard, "{\"entities\": [\"Mexico\"]}"), 400, "name");

        String id = "hostile-missing-" + RUN;
        Map<String, Object> withoutBody = article(id);
        withoutBody.remove("body");
        assertProblem(postArticle(withoutBody), 400, "body");
        assertNothingStored(id);
    }

    @Test
    void extraFieldsAreIgnoredByIngestAndTheArticleIsStoredOnceWithItsOwnEvents() throws Exception {
        String id = "hostile-extra-" + RUN;
        Map<String, Object> article = article(id);
        // A client cannot smuggle in what the service derives: version, events, contentHash.
        article.put("version", Long.MAX_VALUE);
        article.put("events", List.of(Map.of("date", Map.of("value", "1066"), "text", "forged event")));
        article.put("contentHash", "forged");
        article.put("nested", Map.of("deeper", List.of(1, 2, Map.of("x", "y"))));
        Gateway.Reply reply = postArticle(article);
        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertStoredOnce(id, reply);
        assertThat(eventTextsOf(id)).isNotEmpty().noneMatch(text -> text.contains("forged"));

        // Saved timelines document a closed body: an unknown member is named, not ignored.
        assertProblem(gateway.postJson(TIMELINES, dashboard, "{\"name\": \"x\", \"colour\": \"red\"}"), 400, "colour");
    }

    @Test
    void aFiftyMegabyteBodyIsA413BeforeReachingAService() {
        byte[] fifty = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(fifty, (byte) 'a');
        assertProblem(gateway.send("POST", ARTICLES, newsroom, "application/json", fifty), 413, "body");
        assertProblem(gateway.send("POST", EXTRACT, dashboard, "application/json", fifty), 413, "body");
        assertProblem(gateway.send("POST", TIMELINES, dashboard, "application/json", fifty), 413, "body");
    }

    @Test
    void aFiftyMegabyteChunkedBodyIsCutOffWithA413() {
        // No Content-Length: the gateway counts while streaming and stops at its limit.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(gateway.url() + ARTICLES)).timeout(Gateway.TIMEOUT)
                .header("Authorization", "Bearer " + newsroom).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatedBytes((byte) '1', 50L * 1024 * 1024)))
                .build();
        assertProblem(gateway.send(chunked), 413, "body");
    }

    @Test
    void invalidUtf8IsA400() {
        String id = "hostile-utf8-" + RUN;
        for (byte[] invalid : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80} /* an encoded surrogate */, new byte[] {(byte) 0xE2, (byte) 0x82})) {
            byte[] articleBody = withBytesInTitle(json(article(id)), invalid);
            assertProblem(gateway.send("POST", ARTICLES, newsroom, "application/json", articleBody), 400, "UTF-8");
            byte[] extractBody = withBytesInTitle("{\"text\": \"In 1846, a war began.\", \"publishedAt\": \"2025-02-20\", \"title\": \"x\"}",
                    invalid);
            assertProblem(gateway.send("POST", EXTRACT, dashboard, "application/json", extractBody), 400, "UTF-8");
            byte[] timelineBody = withBytesInTitle("{\"name\": \"x\", \"title\": \"x\"}", invalid);
            assertProblem(gateway.send("POST", TIMELINES, dashboard, "application/json", timelineBody), 400);
        }
        assertNothingStored(id);
    }

    @Test
    void nulCharactersAreRefusedOrStoredSafely() throws Exception {
        // A raw NUL byte inside a JSON string is not JSON.
        String raw = "hostile-nul-raw-" + RUN;
        byte[] rawNul = withBytesInTitle(json(article(raw)), new byte[] {0});
        assertProblem(gateway.send("POST", ARTICLES, newsroom, "application/json", rawNul), 400, "JSON");
        assertNothingStored(raw);

        // An escaped one (\u0000) is valid JSON, but PostgreSQL text cannot hold it: refused at the door,
        // naming the field, rather than accepted and then dead-lettered by the consumer.
        for (String field : List.of("title", "body", "source", "url", "authors")) {
            String id = "hostile-nul-" + field + "-" + RUN;
            Map<String, Object> article = article(id);
            article.put(field, field.equals("authors") ? List.of("A\u0000B") : article.get(field) + "\u0000");
            assertProblem(postArticle(article), 400, field);
            assertNothingStored(id);
        }
        // Extraction stores nothing: a NUL is just a character of the text there.
        assertThat(gateway.postJson(EXTRACT, dashboard, "{\"text\": \"In 1846\\u0000, a war.\", \"publishedAt\": \"2025-02-20\"}").status())
                .isEqualTo(200);
        assertProblem(gateway.postJson(TIMELINES, dashboard, "{\"name\": \"a\\u0000b\"}"), 400, "name");
        assertProblem(gateway.postJson(TIMELINES, dashboard, "{\"name\": \"x\", \"entities\": [\"a\\u0000b\"]}"), 400, "entities");
        assertProblem(gateway.get(EVENTS + "?q=a%00b", dashboard), 400, "q");
        assertProblem(gateway.get(EVENTS + "?entity=a%00b", dashboard), 400, "entity");
        assertProblem(gateway.get(EVENTS + "?source=a%00b", dashboard), 400, "source");
    }

    @Test
    void aMegabyteOfDigitsAndSlashesIsRefusedAsJsonAndHandledAsArticleText() throws Exception {
        String digitsAndSlashes = "12/31/2025/".repeat(1024 * 1024 / 11);
        assertProblem(gateway.postJson(ARTICLES, newsroom, digitsAndSlashes), 400, "JSON");
        assertProblem(gateway.postJson(EXTRACT, dashboard, digitsAndSlashes), 400, "JSON");

        // Legitimate, and slow: about 1 s of CPU on a quiet machine, more than the gateway's 10 s route
        // timeout on this shared one at load 40-50. A 504 is then a problem, and nothing may be half-stored.
        Gateway.Reply extracted = gateway.postJson(EXTRACT, dashboard,
                json(Map.of("text", digitsAndSlashes, "publishedAt", "2025-02-20")));
        assertThat(extracted.status()).as("%s", extracted).isIn(200, 504);
        assertNoStackTrace(extracted);

        String id = "hostile-digits-" + RUN;
        Map<String, Object> article = article(id);
        article.put("body", digitsAndSlashes);
        Gateway.Reply accepted = postArticle(article);
        System.out.printf("[hostile] 1 MB of digits and slashes: extract %d, article %d%n", extracted.status(), accepted.status());
        if (accepted.status() == 202) {
            assertStoredOnce(id, accepted);
        } else {
            assertProblem(accepted, 504, "ingest");
            // ingest may still publish it after the gateway gave up: then it is stored once, whole
            await().pollDelay(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                int records = stored.recordsWithKey(ARTICLES_TOPIC, id);
                assertThat(records).isLessThanOrEqualTo(1);
                assertThat(stored.appliedVersion(id) != null).isEqualTo(records == 1);
            });
            assertThat(stored.recordsWithKey(DEAD_LETTER_TOPIC, id)).isZero();
        }
    }

    @Test
    void deeplyNestedJsonIsA400() {
        // At the top the parser stops at the first bracket (an array is not an object) ...
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertProblem(gateway.postJson(ARTICLES, newsroom, deep), 400, "object");
        assertProblem(gateway.postJson(EXTRACT, dashboard, deep), 400, "object");
        assertProblem(gateway.postJson(TIMELINES, dashboard, deep), 400, "body");
        // ... inside an object it reads on, down to Jackson's limit of 1,000 levels.
        String nestedText = "{\"text\": \"In 1846, a war.\", \"publishedAt\": \"2025-02-20\", \"extra\": "
                + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertProblem(gateway.postJson(EXTRACT, dashboard, nestedText), 400, "nesting depth");
        assertProblem(gateway.postJson(TIMELINES, dashboard, "{\"name\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}"), 400, "body");

        String id = "hostile-nested-" + RUN;
        String nestedInAnExtraField = json(article(id)).replaceFirst("\\{",
                "{\"extra\": " + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + ", ");
        assertProblem(gateway.postJson(ARTICLES, newsroom, nestedInAnExtraField), 400, "nesting depth");
        assertNothingStored(id);
    }

    @Test
    void scriptTagsAndSqlInEveryTextFieldAreStoredAsTextAndHarmNothing() throws Exception {
        String id = "hostile-sql-';--" + RUN; // the id takes any non-space character
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", id);
        article.put("url", "https://news.example/a?q=" + URLEncoder.encode(SCRIPT + SQL, StandardCharsets.UTF_8));
        article.put("title", "Title " + SCRIPT + SQL);
        article.put("body", "<p>On 3 February 2025, the council of Springfield approved " + SCRIPT.replace("<", "&lt;")
                + " the budget " + SQL + ".</p><script>document.write('x')</script>");
        article.put("publishedAt", "2025-02-20T10:00:00Z");
        article.put("source", "Outlet " + SCRIPT + SQL);
        article.put("authors", List.of(SCRIPT, SQL));
        article.put("language", "en");
        Gateway.Reply accepted = postArticle(article);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertStoredOnce(id, accepted);
        assertThat(stored.hasTable("event")).isTrue();
        assertThat(stored.hasTable("article")).isTrue();

        JsonNode source = null; // the event may have merged with other articles' reports of the same meeting
        for (JsonNode report : eventsOf(id).get(0).get("sources")) {
            if (report.get("articleId").asText().equals(id)) {
                source = report;
            }
        }
        assertThat(source).as("%s among the sources of its event", id).isNotNull();
        // the title is normalized like the body (markup dropped); the SQL stays as text
        assertThat(source.get("title").asText()).isEqualTo("Title " + SQL);
        assertThat(source.get("source").asText()).isEqualTo(article.get("source"));
        assertThat(source.get("url").asText()).isEqualTo(article.get("url"));

        // The same text as filters: data for the query, never SQL.
        for (String parameter : List.of("q", "entity", "source")) {
            for (String value : List.of(SQL, SCRIPT, "%", "_", "\\")) {
                Gateway.Reply reply = gateway.get(EVENTS + "?" + parameter + "=" + encode(value), dashboard);
                assertThat(reply.status()).as("%s=%s: %s", parameter, value, reply).isIn(200, 400);
                assertNoStackTrace(reply);
            }
        }
        Gateway.Reply bySource = gateway.get(EVENTS + "?source=" + encode((String) article.get("source")), dashboard);
        assertThat(bySource.status()).isEqualTo(200);
        assertThat(bySource.json().get("events")).isNotEmpty();

        Gateway.Reply saved = gateway.postJson(TIMELINES, dashboard, json(Map.of("name", SCRIPT + SQL,
                "entities", List.of(SQL), "words", SQL, "sources", List.of(SCRIPT))));
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        String timeline = saved.json().get("id").asText();
        assertThat(gateway.get(TIMELINES + "/" + timeline, dashboard).json().get("name").asText()).isEqualTo(SCRIPT + SQL);
        Gateway.Reply export = gateway.get(TIMELINES + "/" + timeline + "/events?format=timelinejs", dashboard);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).doesNotContain("<script>");
    }

    @Test
    void datesInTheYearZeroAnd99999() throws Exception {
        // Publication dates outside the years 1 to 9999 (the timelines' years), or impossible ones.
        for (String publishedAt : List.of("0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+99999-01-01T00:00:00Z",
                "99999-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "2025-02-30T00:00:00Z", "2025-02-20T25:00:00Z")) {
            String id = "hostile-year-" + Math.abs(publishedAt.hashCode()) + "-" + RUN;
            Map<String, Object> article = article(id);
            article.put("publishedAt", publishedAt);
            assertProblem(postArticle(article), 400, "publishedAt");
            assertNothingStored(id);
        }
        for (String publishedAt : List.of("0000-01-01", "+99999-01-01", "99999-01-01", "-0001-12-31", "2025-02-30")) {
            assertProblem(gateway.postJson(EXTRACT, dashboard,
                    json(Map.of("text", "In 1846, a war began.", "publishedAt", publishedAt))), 400, "publishedAt");
        }
        // Bounds of a query: years of four digits, signed before AD 1 (ISO-8601: 0000 is 1 BC, -0001 is 2 BC)
        // or as TimeML writes them (BC0490); five-digit years, three-digit negative ones, a plus sign, a
        // year before 4713 BC (PostgreSQL's first) are not dates of the API.
        for (String bound : List.of("99999", "99999-01-01", "-001", "+2025", "-10000", "BC0000")) {
            assertProblem(gateway.get(EVENTS + "?from=" + encode(bound), dashboard), 400, "from");
            assertProblem(gateway.get(EVENTS + "?to=" + encode(bound), dashboard), 400, "to");
            assertProblem(gateway.postJson(TIMELINES, dashboard, json(Map.of("name", "x", "from", bound))), 400, "from");
        }
        for (String bound : List.of("0000", "0000-01-01", "-0001", "BC0490")) {
            assertThat(gateway.get(EVENTS + "?from=" + encode(bound), dashboard).status()).as("from=%s", bound).isEqualTo(200);
            assertThat(gateway.get(EVENTS + "?to=" + encode(bound), dashboard).status()).as("to=%s", bound).isEqualTo(200);
        }

        // As words in the text they are ordinary text, and a date before the year 1 ("500 BC") is an event
        // like the others: the article is accepted and applied with all of them.
        String id = "hostile-year-text-" + RUN;
        Map<String, Object> article = article(id);
        article.put("body", "In the year 0, nothing happened. In 99999, nothing will. In 500 BC, Rome grew. In 1 BC, a census."
                + " On 3 February 2025, the council met. It was the year 0000 and the year 99999-01-01.");
        Gateway.Reply accepted = postArticle(article);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertStoredOnce(id, accepted);
        assertThat(eventsOf(id)).extracting(e -> e.at("/date/value").asText()).contains("2025-02-03", "BC0500")
                .noneMatch(value -> value.startsWith("9999"));
    }

    @Test
    void aPublicationDateInTheFutureIsAcceptedAndAnchorsItsRelativeDates() throws Exception {
        String id = "hostile-future-" + RUN;
        Map<String, Object> article = article(id);
        article.put("publishedAt", "2999-06-15T10:00:00Z");
        article.put("body", "Yesterday, the council of Springfield approved the budget.");
        Gateway.Reply accepted = postArticle(article);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertStoredOnce(id, accepted);
        assertThat(eventsOf(id)).extracting(e -> e.at("/date/value").asText()).containsExactly("2999-06-14");
    }

    @Test
    void anArticleIdOfTenThousandCharactersIsA400NamingTheId() {
        String longId = "a".repeat(10_000);
        assertProblem(postArticle(article(longId)), 400, "id");
        // The request line is 10 KB: the gateway and ingest take up to 128 KiB, so the id is checked like any other.
        assertProblem(gateway.send("DELETE", ARTICLES + "/" + longId, newsroom, null, null), 400, "id");
        assertProblem(gateway.get(EVENTS + "/" + longId, dashboard), 404);
        assertProblem(gateway.get(TIMELINES + "/" + longId, dashboard), 404);
        assertThat(stored.appliedVersion(longId)).isNull();
        assertThat(stored.recordsWithKey(ARTICLES_TOPIC, longId)).isZero();
    }

    // ---- issue 5 item 11: the gateway's door ----------------------------------------------------

    @Test
    void aKeyInTheQueryStringIsA400NamingTheParameter() {
        Gateway.Reply reply = gateway.get(EVENTS + "?api_key=" + dashboard, null);
        assertProblem(reply, 400, "api_key");
        assertProblem(gateway.get(EVENTS + "?access_token=" + dashboard, dashboard), 400, "access_token");
    }

    @Test
    void pathTraversalIsA400AndReachesNoService() throws IOException {
        for (String path : List.of("/api/v1/../q/metrics", "/api/v1/%2e%2e/q/health", "/api/v1/events/..%2F..%2Fq%2Fmetrics",
                "/api/v1/./events", "/api/v1/events%5C..")) {
            // Raw, since the JDK client would normalise some of these.
            RawReply reply = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + dashboard
                    + "\r\nConnection: close\r\n\r\n");
            assertProblem(reply.asReply(), 400, "path");
        }
    }

    @Test
    void unknownRoutesAreA404Problem() {
        assertProblem(gateway.get("/api/v1/nothing-here", dashboard), 404);
        assertProblem(gateway.get("/api/v2/events", dashboard), 404);
        assertProblem(gateway.get("/nothing/here", null), 404);
        assertProblem(gateway.send("PATCH", "/api/v1/nothing", newsroom, "application/json", "{}".getBytes()), 404);
    }

    @Test
    void oversizedHeadersAreA431() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.url() + EVENTS)).timeout(Gateway.TIMEOUT)
                .header("Authorization", "Bearer " + dashboard).header("X-Padding", "p".repeat(20_000)).build();
        assertProblem(gateway.send(request), 431, "header");
    }

    @Test
    void malformedHeaderLinesAreRefused() throws IOException {
        // What Netty cannot parse gets its bare 400 (api-gateway README, Bad input); a line without a
        // name is dropped, so that request simply has no key.
        Map<String, Integer> refusals = Map.of("Authorization Bearer " + dashboard, 400, "Content-Length: twelve", 400,
                ": no name", 401);
        for (var header : refusals.entrySet()) {
            RawReply reply = raw("GET " + EVENTS + " HTTP/1.1\r\nHost: localhost\r\n" + header.getKey() + "\r\nConnection: close\r\n\r\n");
            assertThat(reply.status()).as("%s -> %s", header.getKey(), reply.text()).isEqualTo(header.getValue());
            assertThat(Gateway.stackTraceIn(reply.text())).isNull();
        }
        RawReply badEncoding = raw("POST " + ARTICLES + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + newsroom
                + "\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n");
        assertProblem(badEncoding.asReply(), 400, "Transfer-Encoding");
    }

    @Test
    void aSlowLorisIsCutOffByTheIdleTimeout() throws IOException {
        try (Socket socket = new Socket("localhost", stack.settings().gatewayPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + EVENTS + " HTTP/1.1\r\nHost: localhost\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the gateway held a silent half-request open for 60 s", e);
            } catch (IOException reset) {
                read = -1;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("[hostile] slow loris cut off after %.1f s%n", seconds);
            assertThat(read).as("nothing answered to a request never finished").isEqualTo(-1);
        }
    }

    // ---- issue 4 item 14: query parameters ------------------------------------------------------

    @Test
    void badQueryParametersAreA400NamingTheParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("from=2025-13-45", "from");
        bad.put("to=yesterday", "to");
        bad.put("from=2025-02-30", "from");
        bad.put("limit=-1", "limit");
        bad.put("limit=0", "limit");
        bad.put("limit=501", "limit");
        bad.put("limit=99999999999999999999999", "limit");
        bad.put("limit=ten", "limit");
        bad.put("granularity=fortnight", "granularity");
        bad.put("format=pdf", "format");
        bad.put("cursor=djN8MjAyNS0wMi0xOXwy", "cursor");
        bad.put("cursor=" + "A".repeat(5000), "cursor");
        bad.put("entity=" + "e".repeat(201), "entity");
        bad.put("q=" + "w".repeat(201), "q");
        for (var query : bad.entrySet()) {
            Gateway.Reply reply = gateway.get(EVENTS + "?" + query.getKey(), dashboard);
            assertThat(reply.status()).as("%s: %s", query.getKey(), reply).isEqualTo(400);
            JsonNode problem = assertProblem(reply, 400);
            assertThat(problem.path("parameter").asText()).as(query.getKey()).isEqualTo(query.getValue());
        }
    }

    @Test
    void aForgedOrTruncatedCursorIsA400() throws Exception {
        for (String sentence : List.of("On 4 March 2024, the mayor of Shelbyville resigned.", "In June 2023, the river flooded.")) {
            Map<String, Object> article = article("hostile-cursor-" + sentence.length() + "-" + RUN);
            article.put("body", sentence);
            assertThat(postArticle(article).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !gateway.get(EVENTS + "?limit=1", dashboard).json().get("next").isNull());
        String next = gateway.get(EVENTS + "?limit=1", dashboard).json().get("next").asText();
        assertThat(gateway.get(EVENTS + "?limit=1&cursor=" + next, dashboard).status()).isEqualTo(200);
        assertProblem(gateway.get(EVENTS + "?limit=1&cursor=" + next.substring(0, next.length() / 2), dashboard), 400, "cursor");
        // a character in the middle (the last one of unpadded base64 may carry only ignored bits)
        int middle = next.length() / 2;
        String edited = next.substring(0, middle) + (next.charAt(middle) == 'x' ? 'Q' : 'x') + next.substring(middle + 1);
        assertProblem(gateway.get(EVENTS + "?limit=1&cursor=" + edited, dashboard), 400, "cursor");
        assertProblem(gateway.get(EVENTS + "?limit=1&from=2025&cursor=" + next, dashboard), 400, "cursor");
    }

    @Test
    void unknownIdsAreA404Problem() {
        assertProblem(gateway.get(EVENTS + "/999999999999", dashboard), 404);
        assertProblem(gateway.get(EVENTS + "/not-a-number", dashboard), 404);
        assertProblem(gateway.get(EVENTS + "/99999999999999999999999999", dashboard), 404);
        assertProblem(gateway.get(TIMELINES + "/999999999999", dashboard), 404);
        assertProblem(gateway.send("PUT", TIMELINES + "/999999999999", dashboard, "application/json",
                "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)), 404);
        assertProblem(gateway.send("DELETE", TIMELINES + "/-1", dashboard, null, null), 404);
    }

    @Test
    void tenThousandEntitiesAreA400() {
        StringBuilder query = new StringBuilder(EVENTS + "?limit=1");
        for (int i = 0; i < 10_000; i++) {
            query.append("&entity=e").append(i);
        }
        assertProblem(gateway.get(query.toString(), dashboard), 400, "entity");
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entities.add("e" + i);
        }
        assertProblem(gateway.postJson(TIMELINES, dashboard, json(Map.of("name", "many", "entities", entities))), 400, "entities");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A valid article with one dated sentence. */
    static Map<String, Object> article(String id) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", id);
        article.put("url", "https://news.example/articles/" + RUN);
        article.put("title", "Springfield approves its budget");
        article.put("body", "On 3 February 2025, the council of Springfield approved the budget for the year.");
        article.put("publishedAt", "2025-02-20T10:00:00Z");
        article.put("source", "Springfield Gazette");
        article.put("authors", List.of("A. Reporter"));
        article.put("language", "en");
        return article;
    }

    private static Gateway.Reply postArticle(Map<String, Object> article) {
        return gateway.postJson(ARTICLES, newsroom, json(article));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code json}'s UTF-8 with {@code bytes} spliced into the value of its "title". */
    private static byte[] withBytesInTitle(String json, byte[] bytes) {
        int at = json.indexOf("\"title\":\"") + "\"title\":\"".length();
        if (at < "\"title\":\"".length()) {
            at = json.indexOf("\"title\": \"") + "\"title\": \"".length();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A refused article left nothing: no record in the articles topic, no article row, no mention. */
    private static void assertNothingStored(String id) {
        assertThat(stored.recordsWithKey(ARTICLES_TOPIC, id)).as("records of %s in %s", id, ARTICLES_TOPIC).isZero();
        assertThat(stored.appliedVersion(id)).as("article row of %s", id).isNull();
        assertThat(stored.mentionsOf(id)).as("mentions of %s", id).isZero();
    }

    /**
     * An accepted article is in the topic once, applied at the accepted version with one mention per
     * event it was accepted with, and not dead-lettered.
     */
    private static void assertStoredOnce(String id, Gateway.Reply accepted) {
        JsonNode receipt = accepted.json();
        long version = receipt.get("version").asLong();
        int events = receipt.get("events").asInt();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(stored.appliedVersion(id)).as("applied version of %s", id).isEqualTo(version));
        assertThat(stored.mentionsOf(id)).as("mentions of %s", id).isEqualTo(events);
        assertThat(stored.recordsWithKey(ARTICLES_TOPIC, id)).as("records of %s", id).isEqualTo(1);
        assertThat(stored.recordsWithKey(DEAD_LETTER_TOPIC, id)).as("dead letters of %s", id).isZero();
    }

    private static List<JsonNode> eventsOf(String articleId) {
        List<JsonNode> events = new ArrayList<>();
        String next = null;
        do {
            String url = EVENTS + "?limit=500" + (next == null ? "" : "&cursor=" + next);
            Gateway.Reply reply = gateway.get(url, dashboard);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            JsonNode page = reply.json();
            for (JsonNode event : page.get("events")) {
                for (JsonNode source : event.get("sources")) {
                    if (source.get("articleId").asText().equals(articleId)) {
                        events.add(event);
                        break;
                    }
                }
            }
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        return events;
    }

    private static List<String> eventTextsOf(String articleId) {
        return eventsOf(articleId).stream().map(e -> e.get("text").asText()).toList();
    }

    /** A raw exchange, for what the JDK client refuses to send (bad header lines, dot segments). */
    record RawReply(String text) {

        int status() {
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }

        Gateway.Reply asReply() {
            int headersEnd = text.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? text : text.substring(0, headersEnd);
            String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
            return new Gateway.Reply(status(), contentType, headersEnd < 0 ? "" : text.substring(headersEnd + 4));
        }
    }

    private static RawReply raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", stack.settings().gatewayPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new RawReply(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** {@code length} copies of one byte, made as they are read (a 50 MB upload without 50 MB in memory). */
    private static final class RepeatedBytes extends InputStream {
        private final byte value;
        private long left;

        RepeatedBytes(byte value, long length) {
            this.value = value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, value);
            left -= n;
            return n;
        }
    }
}
