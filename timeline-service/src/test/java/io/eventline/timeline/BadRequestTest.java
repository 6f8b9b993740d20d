package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A client's mistake is a 400 problem+json that names the parameter, never a 500 or a stack trace. */
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
            "to,     2025-00,       to",
            "to,     abc,           to",
            "limit,  0,             limit",
            "limit,  -1,            limit",
            "limit,  501,           limit",
            "limit,  ten,           limit",
            "limit,  99999999999,   limit",
            "cursor, '!!!',         cursor",
            "cursor, bm90IGEgY3Vyc29y, cursor",
    })
    void aMalformedParameterIsA400ProblemNamingIt(String name, String value, String named) {
        assertBadParameter(given().queryParam(name, value).when().get(EVENTS), named);
    }

    @Test
    void aTamperedCursorIsRejected() {
        assertBadParameter(given().queryParam("cursor", FOREIGN_CURSOR).when().get(EVENTS), "cursor");
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
