package io.eventline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's timeline page in a real headless browser (Debian's chromium) against the whole local stack:
 * it asks for a key, draws the founding articles' timeline with each event's granularity, shows an event's
 * sources, filters, shows an article pushed while it is open without a reload, and renders a hostile
 * headline as text. Also checks the gateway's merged OpenAPI document with the real services behind it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimelinePageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * Markup in a headline is taken as HTML by ingest-service and dropped; escaped markup is decoded into text.
     * Either way what reaches the page looks like markup, and must stay text.
     */
    static final String HOSTILE_TITLE = "Bridge vote &lt;img src=x onerror=\"window.__pwned='title'\"&gt;"
            + "&lt;script&gt;window.__pwned='script'&lt;/script&gt; <img src=x onerror=\"window.__pwned='raw'\">";
    private static LocalStack stack;
    private static String gateway;
    private static HeadlessChromium browser;
    private static List<Map<String, Object>> seeds;

    @BeforeAll
    static void startBrowserAndStack() throws Exception {
        if (!Files.isExecutable(HeadlessChromium.executable())) {
            String reason = "no chromium at " + HeadlessChromium.executable()
                    + " (.ci/run installs Debian's chromium; set CHROMIUM to use another)";
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI is set but the browser test cannot run: " + reason);
            }
            Assumptions.abort("skipped: " + reason);
        }
        stack = SharedStack.get();
        gateway = stack.settings().gatewayUrl();
        Path seedsDir = DemoArticles.seedsDir(stack.settings().projectRoot());
        Assumptions.assumeTrue(Files.isDirectory(seedsDir), "the founding articles are read from " + seedsDir
                + ", which is not beside this clone");
        seeds = DemoArticles.seeds(seedsDir);
        for (Map<String, Object> article : seeds) {
            assertThat(push(article).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> total("q=Veracruz") > 0
                && total("from=1846&to=1846") > 0 && total("from=2025-04-08&to=2025-04-08") > 0);
        browser = HeadlessChromium.start(1400, 1000);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void shouldAskForAKeyAndKeepItInTheSessionOnly() throws Exception {
        browser.navigate(gateway + "/");
        assertThat(browser.evaluate("document.getElementById('key-panel').hidden").asBoolean()).isFalse();
        assertThat(browser.evaluate("document.getElementById('app').hidden").asBoolean()).isTrue();

        enterKey(stack.settings().dashboardKey());

        assertThat(browser.evaluate("sessionStorage.getItem('eventline.readKey')").asText())
                .isEqualTo(stack.settings().dashboardKey());
        assertThat(browser.evaluate("localStorage.length + document.cookie.length").asInt()).isZero();
    }

    @Test
    @Order(2)
    void shouldDrawTheSeedTimelineWithEachEventsGranularity() throws Exception {
        openWithKey();
        browser.awaitTrue("document.querySelectorAll('#rows .row').length >= 17", "the seed timeline to be drawn");

        // A day is a point, a year or a decade a span, an interval a bar.
        assertThat(kindOf("1914-04 – 1914-11")).isEqualTo("interval");
        assertThat(kindOf("1846")).isEqualTo("span");
        assertThat(kindOf("1930s")).isEqualTo("span");
        assertThat(kindOf("2025-02-03")).isEqualTo("point");
        List<String> dates = texts("#rows .row .date");
        assertThat(dates).containsSubsequence("1825", "1846", "1914-04 – 1914-11", "1917", "1930s", "1980s",
                "2001-09-11", "2020", "2025-01", "2025-02-03", "2025-02-19", "2025-04-08");
        assertThat(browser.evaluate("document.querySelectorAll('#axis .tick').length").asInt()).isGreaterThan(2);

        Path shot = Path.of("target", "timeline-page.png");
        browser.screenshot(shot);
        System.out.println("[page] screenshot of the seed timeline: " + shot.toAbsolutePath());
    }

    @Test
    @Order(3)
    void shouldShowAnEventsSourcesOnClick() throws Exception {
        openWithKey();
        browser.awaitTrue(rowWithDate("1914-04 – 1914-11"), "the Veracruz row");
        browser.evaluate(rowWithDate("1914-04 – 1914-11") + ".click()");

        browser.awaitTrue("document.querySelectorAll('#details-sources .source-title').length > 0", "the sources");
        assertThat(texts("#details-sources .source-title"))
                .anySatisfy(title -> assertThat(title).contains("Pentagon plans drone strikes"));
        assertThat(browser.evaluate("document.querySelector('#details-sources a').getAttribute('href')").asText())
                .startsWith("https://seeds.eventline.invalid/");
        assertThat(browser.evaluate("document.getElementById('details-text').textContent").asText()).contains("Veracruz");
    }

    @Test
    @Order(4)
    void shouldFilterByWordsEntityAndDates() throws Exception {
        openWithKey();
        browser.awaitTrue("document.querySelectorAll('#rows .row').length >= 17", "the timeline");

        applyFilters(Map.of("q", "Veracruz"));
        browser.awaitTrue("document.querySelectorAll('#rows .row').length === " + total("q=Veracruz"), "the words filter");
        assertThat(texts("#rows .row .date")).contains("1914-04 – 1914-11").doesNotContain("1846");

        applyFilters(Map.of("from", "1900", "to", "1999"));
        long inCentury = total("from=1900&to=1999");
        browser.awaitTrue("document.querySelectorAll('#rows .row').length === " + inCentury, "the date filter");
        assertThat(texts("#rows .row .date")).contains("1917", "1930s").doesNotContain("1846", "2025-02-03");

        applyFilters(Map.of());
        browser.awaitTrue("document.querySelectorAll('#rows .row').length >= 17", "the cleared filters");
    }

    @Test
    @Order(5)
    void shouldShowANewlyPushedEventWithoutReloadAndRenderAHostileHeadlineAsText() throws Exception {
        openWithKey();
        browser.awaitTrue("document.querySelectorAll('#rows .row').length >= 17", "the timeline");
        browser.evaluate("window.__sameDocument = true");

        Map<String, Object> hostile = new LinkedHashMap<>();
        hostile.put("id", "page-it-hostile-headline");
        hostile.put("url", "https://hostile.invalid/bridge-vote");
        hostile.put("title", HOSTILE_TITLE);
        hostile.put("body", "<p>On 12 March 2024 the council &lt;img src=x onerror=\"window.__pwned='text'\"&gt; voted to "
                + "build a bridge over the river.</p><p>The vote was close.</p>");
        hostile.put("publishedAt", "2024-03-13T09:00:00Z");
        hostile.put("source", "<b>Hostile Gazette</b>");
        hostile.put("authors", List.of("<script>x</script>"));
        hostile.put("language", "en");
        assertThat(push(hostile).statusCode()).isEqualTo(202);

        browser.awaitTrue(rowWithDate("2024-03-12"), "the pushed event to appear without a reload");
        assertThat(browser.evaluate("window.__sameDocument === true").asBoolean()).as("no reload").isTrue();
        assertThat(browser.evaluate(rowWithDate("2024-03-12") + ".classList.contains('new')").asBoolean()).isTrue();

        browser.evaluate(rowWithDate("2024-03-12") + ".click()");
        browser.awaitTrue("document.querySelectorAll('#details-sources .source-title').length > 0", "the sources");
        // The page shows the headline exactly as the API gives it, as text.
        String served = eventsOnDay("2024-03-12").get(0).at("/sources/0/title").asText();
        System.out.println("[page] hostile headline as served by the API: " + served);
        assertThat(served).contains("onerror");
        assertThat(texts("#details-sources .source-title")).containsExactly(served);
        assertThat(browser.evaluate("document.querySelector('#details-sources a').href").asText())
                .isEqualTo("https://hostile.invalid/bridge-vote");
        assertThat(browser.evaluate(rowWithDate("2024-03-12") + ".querySelector('.text').textContent").asText())
                .contains("bridge");
        assertThat(browser.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
        assertThat(browser.evaluate("document.querySelectorAll('main img, main script, main b').length").asInt()).isZero();
        Path shot = Path.of("target", "timeline-page-hostile.png");
        browser.screenshot(shot);
    }

    @Test
    @Order(6)
    void shouldFollowASavedTimelinePickedFromTheRealListThroughItsChangeFeed() throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/timelines"))
                        .header("Authorization", "Bearer " + stack.settings().dashboardKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Harbour works <i>2024</i>\",\"words\":\"harbour\","
                                + "\"from\":\"2024\",\"to\":\"2024\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();

        openWithKey();
        String option = "Array.from(document.querySelectorAll('#saved option')).find(o => o.value === " + JSON.writeValueAsString(id) + ")";
        browser.awaitTrue(option, "the saved timeline in the picker");
        assertThat(browser.evaluate(option + ".textContent").asText()).isEqualTo("Harbour works <i>2024</i>");
        browser.evaluate("const s = document.getElementById('saved'); s.value = " + JSON.writeValueAsString(id)
                + "; s.dispatchEvent(new Event('change')); true");
        // Its stored filter is shown, not editable, and nothing of the seed timeline is drawn.
        browser.awaitTrue("document.getElementById('q').disabled && document.getElementById('q').value === 'harbour'",
                "the stored filter in the fields");
        browser.awaitTrue("!document.getElementById('empty').hidden", "the empty saved timeline");
        browser.evaluate("window.__sameDocument = true");

        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", "page-it-harbour");
        article.put("url", "https://harbour.invalid/dredging");
        article.put("title", "Harbour dredging begins");
        article.put("body", "<p>On 3 June 2024 the port authority began dredging the harbour &lt;b&gt;entrance&lt;/b&gt; "
                + "to let larger ships in.</p><p>Work will take a year.</p>");
        article.put("publishedAt", "2024-06-04T08:00:00Z");
        article.put("source", "Harbour Herald");
        article.put("language", "en");
        assertThat(push(article).statusCode()).isEqualTo(202);

        browser.awaitTrue(rowWithDate("2024-06-03"), "the pushed event to arrive through the change feed");
        assertThat(browser.evaluate("window.__sameDocument === true").asBoolean()).as("no reload").isTrue();
        assertThat(browser.evaluate(rowWithDate("2024-06-03") + ".classList.contains('new')").asBoolean()).isTrue();
        assertThat(browser.evaluate("performance.getEntriesByType('resource').some(e => e.name.includes('/api/v1/timelines/"
                + id + "/changes?since='))").asBoolean()).as("read from the change feed").isTrue();
        assertThat(browser.evaluate(rowWithDate("2024-06-03") + ".querySelector('.text').textContent").asText())
                .contains("harbour");
        // The markup in the sentence and in the timeline's name stayed text (the legend has <i>s of its own).
        assertThat(browser.evaluate("document.querySelectorAll('#rows b, #rows i, #rows img, #saved i').length").asInt()).isZero();
        assertThat(browser.evaluate("document.querySelectorAll('#rows .row').length").asInt()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void shouldServeTheMergedOpenApiDocumentOfTheRealServices() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        System.out.println("[page] /openapi paths: " + document.get("paths").properties().stream().map(Map.Entry::getKey).toList());

        assertThat(document.at("/openapi").asText()).startsWith("3.");
        assertThat(document.at("/x-eventline-sources")).allSatisfy(source -> assertThat(source.get("state").asText())
                .isEqualTo("current"));
        assertThat(document.get("paths").has("/api/v1/articles")).isTrue();
        assertThat(document.get("paths").has("/api/v1/events")).isTrue();
        assertThat(document.get("paths").properties()).allSatisfy(path -> assertThat(path.getKey()).startsWith("/api/v1/"));
        assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        List<String> refs = new java.util.ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                .as(ref).isFalse());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static void openWithKey() throws Exception {
        browser.navigate(gateway + "/");
        if (browser.evaluate("document.getElementById('app').hidden").asBoolean()) {
            enterKey(stack.settings().dashboardKey());
        }
    }

    private static void enterKey(String key) throws Exception {
        browser.evaluate("document.getElementById('key').value = " + JSON.writeValueAsString(key)
                + "; document.querySelector('#key-form button[type=submit]').click(); true");
        browser.awaitTrue("!document.getElementById('app').hidden", "the timeline to open");
    }

    private static void applyFilters(Map<String, String> values) throws Exception {
        StringBuilder script = new StringBuilder();
        for (String field : List.of("entity", "q", "from", "to")) {
            script.append("document.getElementById('").append(field).append("').value = ")
                    .append(JSON.writeValueAsString(values.getOrDefault(field, ""))).append(";");
        }
        script.append("document.getElementById('apply').click(); true");
        browser.evaluate(script.toString());
    }

    private static String rowWithDate(String date) throws Exception {
        return "Array.from(document.querySelectorAll('#rows .row')).find(r => r.querySelector('.date').textContent === "
                + JSON.writeValueAsString(date) + ")";
    }

    private static String kindOf(String date) throws Exception {
        return browser.evaluate(rowWithDate(date) + ".dataset.kind").asText();
    }

    private static List<String> texts(String selector) throws Exception {
        JsonNode values = browser.evaluate("Array.from(document.querySelectorAll(" + JSON.writeValueAsString(selector)
                + ")).map(e => e.textContent)");
        List<String> result = new java.util.ArrayList<>();
        values.forEach(value -> result.add(value.asText()));
        return result;
    }

    private static HttpResponse<String> push(Map<String, Object> article) {
        return DemoArticles.push(gateway, stack.settings().newsroomKey(), article);
    }

    private static List<JsonNode> eventsOnDay(String day) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events?from=" + day
                        + "&to=" + day)).header("Authorization", "Bearer " + stack.settings().dashboardKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> events = new java.util.ArrayList<>();
        JSON.readTree(response.body()).get("events").forEach(events::add);
        return events;
    }

    private static long total(String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events?limit=1&" + query))
                        .header("Authorization", "Bearer " + stack.settings().dashboardKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("total").asLong();
    }
}
