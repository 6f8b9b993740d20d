package io.eventline.gateway.openapi;

import static io.eventline.gateway.openapi.OpenApiStructure.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.routing.RouteTable;
import io.eventline.gateway.routing.Upstream;

class PublicApiDocumentTest {

    private static final Instant FETCHED = Instant.parse("2026-01-01T10:00:00Z");
    private final PublicApiDocument merger = new PublicApiDocument(new RouteTable(
            new Upstream("ingest", URI.create("http://ingest:8081"), Duration.ofSeconds(10)),
            new Upstream("timeline", URI.create("http://timeline:8082"), Duration.ofSeconds(10))), "0.1.0");

    static Map<String, Object> stubDocument(String service) {
        try (InputStream in = PublicApiDocumentTest.class.getResourceAsStream("/openapi/" + service + ".json")) {
            return ServiceDocuments.parse(service, new String(in.readAllBytes(), StandardCharsets.UTF_8)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> mergeBoth() {
        return merger.merge(List.of(ServiceDocument.current("ingest", stubDocument("ingest"), FETCHED),
                ServiceDocument.current("timeline", stubDocument("timeline"), FETCHED)));
    }

    @Test
    void shouldKeepOnlyThePublicPathsEachServiceIsRoutedFor() {
        Map<String, Object> merged = mergeBoth();

        assertThat(map(merged.get("paths"))).containsOnlyKeys("/api/v1/articles", "/api/v1/articles/{id}",
                "/api/v1/extract", "/api/v1/events", "/api/v1/events/{id}");
        assertThat(OpenApiStructure.violations(merged)).isEmpty();
    }

    @Test
    void shouldShareIdenticalComponentsAndPrefixClashingOnes() {
        Map<String, Object> merged = mergeBoth();
        Map<String, Object> schemas = map(map(merged.get("components")).get("schemas"));

        // Entity is the same in both: one copy. Problem differs: timeline's is renamed, and so are its refs.
        assertThat(schemas).containsKeys("Entity", "Problem", "timeline_Problem", "Event", "EventPage", "Article");
        assertThat(schemas).doesNotContainKeys("ReindexReport", "timeline_Entity");
        assertThat(map(map(schemas.get("timeline_Problem")).get("properties"))).containsKey("parameter");
        String eventNotFound = (String) map(map(map(map(map(map(map(map(merged.get("paths")).get("/api/v1/events/{id}"))
                .get("get")).get("responses")).get("404")).get("content")).get("application/problem+json")).get("schema"))
                .get("$ref");
        assertThat(eventNotFound).isEqualTo("#/components/schemas/timeline_Problem");
        String articleNotFound = (String) map(map(map(map(map(map(map(map(merged.get("paths")).get("/api/v1/articles/{id}"))
                .get("get")).get("responses")).get("404")).get("content")).get("application/problem+json")).get("schema"))
                .get("$ref");
        assertThat(articleNotFound).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void shouldAddTheBearerSchemeTheScopesAndTheGatewaysRefusals() {
        Map<String, Object> merged = mergeBoth();

        assertThat(merged.get("security")).isEqualTo(List.of(Map.of("apiKey", List.of())));
        assertThat(map(map(map(merged.get("components")).get("securitySchemes")).get("apiKey")))
                .containsEntry("type", "http").containsEntry("scheme", "bearer");
        Map<String, Object> listEvents = map(map(map(merged.get("paths")).get("/api/v1/events")).get("get"));
        assertThat(listEvents).containsEntry("x-eventline-required-scope", "timelines:read");
        Map<String, Object> responses = map(listEvents.get("responses"));
        assertThat(responses).containsKeys("200", "400", "401", "403", "429", "503", "504").doesNotContainKey("413");
        // The service's own 503 is kept: it says more than the gateway's.
        assertThat(map(responses.get("503"))).containsEntry("description", "The database is unavailable");
        assertThat(map(responses.get("401"))).containsEntry("$ref", "#/components/responses/GatewayUnauthorized");

        Map<String, Object> push = map(map(map(merged.get("paths")).get("/api/v1/articles")).get("post"));
        assertThat(push).containsEntry("x-eventline-required-scope", "articles:write");
        assertThat(map(push.get("responses"))).containsKeys("202", "400", "401", "403", "413", "429", "503", "504");
        Map<String, Object> extract = map(map(map(merged.get("paths")).get("/api/v1/extract")).get("post"));
        assertThat(extract).containsEntry("x-eventline-required-scope", "any valid key");
        assertThat(map(extract.get("responses"))).doesNotContainKey("403");
    }

    @Test
    void shouldServeWhatIsKnownAndSayWhichServiceIsMissing() {
        Map<String, Object> merged = merger.merge(List.of(
                ServiceDocument.unavailable("ingest", "connection refused"),
                ServiceDocument.current("timeline", stubDocument("timeline"), FETCHED)));

        assertThat(map(merged.get("paths"))).containsOnlyKeys("/api/v1/events", "/api/v1/events/{id}");
        assertThat((String) map(merged.get("info")).get("description"))
                .contains("Incomplete document", "ingest-service could not be asked", "(connection refused)");
        assertThat(merged.get("x-eventline-sources")).asList().contains(
                Map.of("service", "ingest", "state", "unavailable", "problem", "connection refused"));
        assertThat(OpenApiStructure.violations(merged)).isEmpty();
    }

    @Test
    void shouldKeepAStaleDocumentMarkedWithItsAge() {
        ServiceDocument stale = ServiceDocument.current("ingest", stubDocument("ingest"), FETCHED).failed("answered HTTP 500");
        Map<String, Object> merged = merger.merge(List.of(stale, ServiceDocument.unavailable("timeline", "no answer")));

        assertThat(map(merged.get("paths"))).containsKey("/api/v1/articles").doesNotContainKey("/api/v1/events");
        assertThat((String) map(merged.get("info")).get("description"))
                .contains("as described at 2026-01-01T10:00:00Z");
        assertThat(OpenApiStructure.violations(merged)).isEmpty();
    }

    @Test
    void shouldSurviveADocumentOfAnUnexpectedShape() {
        Map<String, Object> odd = Map.of("openapi", "3.1.0", "paths", Map.of("/api/v1/articles", "not an object"),
                "components", List.of("not", "a", "map"));

        Map<String, Object> merged = merger.merge(List.of(ServiceDocument.current("ingest", odd, FETCHED),
                ServiceDocument.current("timeline", stubDocument("timeline"), FETCHED)));

        assertThat(map(merged.get("paths"))).containsOnlyKeys("/api/v1/events", "/api/v1/events/{id}");
        assertThat(OpenApiStructure.violations(merged)).isEmpty();
    }

    @Test
    void structureCheckCatchesWhatAValidatorWould() {
        Map<String, Object> broken = Map.of("openapi", "2.0", "info", Map.of(), "paths", Map.of("/x/{id}",
                Map.of("get", Map.of("responses", Map.of("ok", Map.of("$ref", "#/components/responses/Nope"))))));

        assertThat(OpenApiStructure.violations(broken)).hasSize(5);
    }
}
