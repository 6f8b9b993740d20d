package io.eventline.gateway.openapi;

import static io.eventline.gateway.openapi.OpenApiStructure.map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** /openapi against stand-ins for the services, which serve documents shaped like SmallRye's. */
@QuarkusTest
@WithTestResource(Upstreams.class)
class OpenApiTest {

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void serveStubDocuments() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
        serve(upstreams.ingest(), "ingest");
        serve(upstreams.timeline(), "timeline");
    }

    private static void serve(UpstreamStub stub, String service) {
        String document = new JsonObject(PublicApiDocumentTest.stubDocument(service)).encode();
        stub.on("/q/openapi", exchange -> {
            stub.record(exchange, new byte[0]);
            UpstreamStub.respond(exchange, 200, "application/json", document);
        });
    }

    private static Map<String, Object> fetchJson() {
        String body = given().when().get("/openapi")
                .then().statusCode(200).contentType("application/json").extract().asString();
        return new JsonObject(body).getMap();
    }

    @Test
    void shouldServeTheMergedPublicDocumentWithoutAKey() {
        Map<String, Object> document = fetchJson();

        assertThat(OpenApiStructure.violations(new Yaml().load(new JsonObject(document).encode()))).isEmpty();
        assertThat(map(document.get("paths"))).containsOnlyKeys("/api/v1/articles", "/api/v1/articles/{id}",
                "/api/v1/extract", "/api/v1/events", "/api/v1/events/{id}");
        assertThat(map(document.get("info"))).containsEntry("title", "Eventline public API");
        assertThat(upstreams.ingest().takeRequest().uri()).isEqualTo("/q/openapi?format=json");
        assertThat(upstreams.timeline().takeRequest().uri()).isEqualTo("/q/openapi?format=json");
    }

    @Test
    void shouldServeYamlWhenAskedByAcceptOrParameter() {
        String byAccept = given().header("Accept", "application/yaml").when().get("/openapi")
                .then().statusCode(200).contentType("application/yaml").extract().asString();
        String byParameter = given().queryParam("format", "yaml").when().get("/openapi")
                .then().statusCode(200).contentType("application/yaml").extract().asString();

        Map<String, Object> fromYaml = withoutFetchTimes(new Yaml().load(byAccept));
        assertThat(fromYaml).isEqualTo(withoutFetchTimes(new Yaml().load(byParameter)));
        assertThat(OpenApiStructure.violations(fromYaml)).isEmpty();
        assertThat(fromYaml).isEqualTo(withoutFetchTimes(new Yaml().load(new JsonObject(fetchJson()).encode())));
        given().queryParam("format", "json").header("Accept", "application/yaml").when().get("/openapi")
                .then().statusCode(200).contentType("application/json");
    }

    /** The sources say when each document was fetched, which differs between two requests here (no cache). */
    private static Map<String, Object> withoutFetchTimes(Map<String, Object> document) {
        document.remove("x-eventline-sources");
        return document;
    }

    @Test
    void shouldRefuseAnUnknownFormatWithAProblem() {
        given().queryParam("format", "xml").when().get("/openapi")
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString("\"parameter\":\"format\""));
    }

    @Test
    void shouldServeTheLastKnownDocumentMarkedStaleWhenAServiceFails() {
        fetchJson();
        upstreams.ingest().on("/q/openapi", exchange -> UpstreamStub.respond(exchange, 500, "text/plain", "boom"));

        Map<String, Object> document = fetchJson();

        assertThat(map(document.get("paths"))).containsKeys("/api/v1/articles", "/api/v1/events");
        assertThat((String) map(document.get("info")).get("description")).contains("answered HTTP 500");
        assertThat((List<?>) document.get("x-eventline-sources")).anySatisfy(source -> assertThat(map(source))
                .containsEntry("service", "ingest").containsEntry("state", "stale"));
        assertThat(OpenApiStructure.violations(document)).isEmpty();
    }

    @Test
    void shouldNotWaitLongerThanTheFetchTimeoutForASilentService() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        upstreams.timeline().on("/q/openapi", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            Map<String, Object> document = fetchJson();

            assertThat(map(document.get("paths"))).containsKey("/api/v1/articles");
            assertThat((List<?>) document.get("x-eventline-sources")).anySatisfy(source -> assertThat(map(source))
                    .containsEntry("service", "timeline").containsEntry("problem", "no answer within the fetch timeout"));
        } finally {
            released.countDown();
        }
    }

    @Test
    void shouldServeTheBrowsableUiWithoutAKey() {
        given().when().get("/docs/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/openapi-ui/swagger-ui-bundle.js"), containsString("/docs/docs.js"));
        given().when().get("/docs/docs.js").then().statusCode(200).body(containsString("url: \"/openapi\""));
        given().when().get("/openapi-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
