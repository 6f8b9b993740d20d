package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A client's mistake is a 400 problem+json that names the parameter (an unknown event a 404), never a 500
 * or a stack trace, and never a slow query: every check is on the parameters alone.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadRequestTest {

    private static final String FOREIGN_CURSOR = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("v1|1930-01-01|not-a-date|3".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "{0}={1} is rejected naming {2}")
    @CsvSource({
            "from,   2025-13,       from",
            "from,   2025-02-30,    from",
            "from,   20250,         from",
            "from,   25,            from",
            "from,   2025-1-5,      from",
            "from,   yesterday,     from",
            "from,   -10000,        from",
            "from,   -0000,         from",
            "from,   +2025,         from",
            "from,   -489,          from",
            "from,   BC0000,        from",
            "from,   BC490,         from",
            "from,   490BC,         from",
            "to,     BC04900,       to",
            "to,     -0489-02-30,   to",
            "to,     2025-00,       to",
            "to,     abc,           to",
            "limit,  0,             limit",
            "limit,  -1,            limit",
            "limit,  501,           limit",
            "limit,  ten,           limit",
            "limit,  99999999999,   limit",
            "cursor, '!!!',         cursor",
            "cursor, bm90IGEgY3Vyc29y, cursor",
            "granularity, fortnight, granularity",
            "granularity, DAY,      granularity",
            "entity, '  ',          entity",
            "q,      '   ',         q",
            "source, ' ',           source",
    })
    void aMalformedParameterIsA400ProblemNamingIt(String name, String value, String named) {
        assertBadParameter(given().queryParam(name, value).when().get(EVENTS), named);
    }

    @Test
    void aTamperedCursorIsRejected() {
        assertBadParameter(given().queryParam("cursor", FOREIGN_CURSOR).when().get(EVENTS), "cursor");
    }

    @Test
    void anEditedTruncatedOrForeignCursorIsRejectedAndAGenuineOneAccepted() {
        EventFilter all = new EventFilter(null, null, List.of(), null, null, null);
        TimelineCursor genuine = new TimelineCursor(LocalDate.of(1930, 1, 1), LocalDate.of(1930, 1, 31),
                Instant.parse("2025-03-01T08:30:00Z"), 3, TimelineCursor.digestOf(all), new Total(7, true));
        given().queryParam("cursor", genuine.encode()).when().get(EVENTS).then().statusCode(200).body("total", equalTo(7));
        // issued before the total was carried: still a valid position, its page counts again
        TimelineCursor older = new TimelineCursor(genuine.start(), genuine.end(), genuine.firstReportedAt(), genuine.id(),
                genuine.filterDigest(), null);
        given().queryParam("cursor", older.encode()).when().get(EVENTS).then().statusCode(200);

        String content = new String(Base64.getUrlDecoder().decode(genuine.encode()), StandardCharsets.UTF_8);
        String edited = content.replace("|3|", "|4|");
        String otherTotal = content.replace("|7|e|", "|9|e|");
        assertThat(otherTotal).isNotEqualTo(content);
        assertBadParameter(given().queryParam("cursor", base64(otherTotal)).when().get(EVENTS), "cursor");
        assertThat(edited).isNotEqualTo(content);
        assertBadParameter(given().queryParam("cursor", base64(edited)).when().get(EVENTS), "cursor");
        assertBadParameter(given().queryParam("cursor", genuine.encode().substring(0, 30)).when().get(EVENTS), "cursor");
        // issued for another filter: it would silently page a different list
        assertBadParameter(given().queryParam("cursor", genuine.encode()).queryParam("from", "1930").when().get(EVENTS), "cursor");
        assertBadParameter(given().queryParam("cursor", "A".repeat(5_000)).when().get(EVENTS), "cursor");
    }

    @ParameterizedTest(name = "{0} of {1} characters is rejected")
    @CsvSource({"q, 201", "source, 201", "entity, 201", "q, 50000"})
    void anOverlongTextIsRejected(String name, int length) {
        assertBadParameter(given().queryParam(name, "w".repeat(length)).when().get(EVENTS), name);
    }

    @ParameterizedTest(name = "{0} with a NUL is rejected")
    @ValueSource(strings = {"q", "entity", "source"})
    void aTextWithANulCharacterIsRejected(String name) {
        // PostgreSQL refuses a NUL in a text parameter: this was a 500
        assertBadParameter(given().queryParam(name, "a\u0000b").when().get(EVENTS), name);
    }

    @ParameterizedTest(name = "{0} entities are rejected")
    @ValueSource(ints = {21, 10_000})
    void tooManyEntitiesAreRejected(int count) {
        List<String> names = IntStream.range(0, count).mapToObj(i -> "e" + i).toList();
        long started = System.nanoTime();
        assertBadParameter(given().queryParam("entity", names).when().get(EVENTS), "entity");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void twentyEntitiesAreAccepted() {
        List<String> names = IntStream.range(0, 20).mapToObj(i -> "e" + i).toList();
        given().queryParam("entity", names).when().get(EVENTS).then().statusCode(200);
    }

    static List<Arguments> sqlMetacharacters() {
        return List.of(
                Arguments.of("q", "x'; drop table event; --"),
                Arguments.of("q", ") | ( & ! :* <-> \\"),
                Arguments.of("entity", "'\"}]; delete from event; --"),
                Arguments.of("entity", "%"),
                Arguments.of("source", "' or 1=1 --"),
                Arguments.of("source", "_%"));
    }

    @ParameterizedTest(name = "{0}={1} is only text")
    @MethodSource("sqlMetacharacters")
    void sqlMetacharactersAreJustTextToMatch(String name, String value) {
        given().queryParam(name, value).queryParam("from", "1850").queryParam("to", "1850").when().get(EVENTS)
                .then().statusCode(200).contentType("application/json").body("events", hasSize(0));
    }

    @ParameterizedTest(name = "event {0} is a 404 problem")
    @ValueSource(strings = {"-1", "0", "1%3Bdrop%20table%20event", "99999999999999999999999", "%27%20or%201=1"})
    void anUnknownOrImpossibleEventIdIsA404Problem(String id) {
        given().urlEncodingEnabled(false).when().get(EVENTS + "/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "from={0}, to={1} is rejected naming to")
    @CsvSource({"2025-05, 2025-04", "2025, 2024-12-31"})
    void aRangeThatEndsBeforeItStartsIsA400(String from, String to) {
        assertBadParameter(given().queryParam("from", from).queryParam("to", to).when().get(EVENTS), "to");
    }

    private static void assertBadParameter(Response response, String parameter) {
        response.then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> problem = response.jsonPath().getMap("");
        assertThat(problem).containsEntry("status", 400).containsEntry("parameter", parameter);
        assertThat((String) problem.get("detail")).isNotBlank();
        // nothing of the server's insides: only the RFC 9457 members and the parameter's name
        assertThat(problem.keySet()).isSubsetOf("type", "title", "status", "detail", "instance", "parameter");
    }
}
