package io.eventline.ingest.rest;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What operators and integrators rely on: health, metrics and the API description. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class OperationsEndpointsTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldBeLiveAndReadyWhileKafkaIsReachable() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Articles topic"));
    }

    @Test
    void shouldCountAcceptedAndRejectedArticles() {
        double acceptedBefore = articles("accepted");
        double rejectedBefore = articles("rejected");

        given().contentType(ContentType.JSON).body(Articles.valid(Articles.newId()))
                .when().post("/api/v1/articles").then().statusCode(202);
        Map<String, Object> withoutTitle = Articles.valid(Articles.newId());
        withoutTitle.remove("title");
        given().contentType(ContentType.JSON).body(withoutTitle)
                .when().post("/api/v1/articles").then().statusCode(400);
        given().contentType(ContentType.JSON).body("not json")
                .when().post("/api/v1/articles").then().statusCode(400);

        assertThat(articles("accepted")).isEqualTo(acceptedBefore + 1);
        assertThat(articles("rejected")).isEqualTo(rejectedBefore + 2);
    }

    @Test
    void shouldDescribeTheApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/articles"))
                .body(containsString("/api/v1/extract"));
    }

    private static double articles(String outcome) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("(?m)^eventline_ingest_articles_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
