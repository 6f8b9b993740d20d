package io.eventline.gateway.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.edge.PageHeaders;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The timeline page's files are served without a key and with a strict policy, and that opening is exactly
 * as wide as the static files: the API still needs a key, and nothing else becomes reachable.
 */
@QuarkusTest
@WithTestResource(Upstreams.class)
class TimelinePageTest {

    @Test
    void shouldServeThePageWithoutAKeyUnderAStrictPolicy() {
        given().when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(PageHeaders.TIMELINE_PAGE_POLICY))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<script src=\"/assets/timeline.js\" defer></script>"));
        given().when().get("/assets/timeline.js")
                .then().statusCode(200).contentType(containsString("javascript"))
                .header("Content-Security-Policy", equalTo(PageHeaders.TIMELINE_PAGE_POLICY));
        given().when().get("/assets/timeline.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void shouldHaveNoInlineScriptAndNoMarkupFromData() {
        String page = given().when().get("/").then().statusCode(200).extract().asString();
        // Every <script> loads a file; no event-handler attributes.
        org.assertj.core.api.Assertions.assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page).find()).isFalse();
        org.assertj.core.api.Assertions.assertThat(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .isFalse();
        String script = given().when().get("/assets/timeline.js").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", "eval(", "new Function");
    }

    @Test
    void shouldStillAskForAKeyEverywhereElse() {
        given().when().get("/api/v1/events").then().statusCode(401)
                .header("Content-Security-Policy", nullValue());
        given().when().get("/index.html/../api/v1/events").then().statusCode(not(equalTo(200)));
        given().when().get("/application.properties").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/assets/nothing-here.js").then().statusCode(404);
        given().when().get("/META-INF/resources/index.html").then().statusCode(404);
    }
}
