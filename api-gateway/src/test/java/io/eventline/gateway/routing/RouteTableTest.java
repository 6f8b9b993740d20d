package io.eventline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.auth.Scope;
import io.vertx.core.http.HttpMethod;

class RouteTableTest {

    private final RouteTable table = new RouteTable(
            new Upstream("ingest", URI.create("http://ingest:8081"), Duration.ofSeconds(10)),
            new Upstream("timeline", URI.create("http://timeline:8082"), Duration.ofSeconds(10)));

    @Test
    void collectionsAndEverythingBelowThemGoToTheirService() {
        assertThat(routeOf("/api/v1/articles")).isEqualTo("ingest");
        assertThat(routeOf("/api/v1/articles/a-1/status")).isEqualTo("ingest");
        assertThat(routeOf("/api/v1/extract")).isEqualTo("ingest");
        assertThat(routeOf("/api/v1/events")).isEqualTo("timeline");
        assertThat(routeOf("/api/v1/events/e-1")).isEqualTo("timeline");
        assertThat(routeOf("/api/v1/timelines")).isEqualTo("timeline");
        assertThat(routeOf("/api/v1/timelines/t-1/events")).isEqualTo("timeline");
    }

    @Test
    void lookalikePathsBelongToNoRoute() {
        assertThat(table.match("/api/v1/articlesarchive")).isEmpty();
        assertThat(table.match("/api/v1/extract/batch")).isEmpty();
        assertThat(table.match("/api/v1")).isEmpty();
        assertThat(table.match("/api/v2/timelines")).isEmpty();
    }

    @Test
    void scopesFollowTheAccessRules() {
        Route articles = table.match("/api/v1/articles").orElseThrow();
        Route timelines = table.match("/api/v1/timelines/t-1").orElseThrow();
        Route events = table.match("/api/v1/events").orElseThrow();
        Route extract = table.match("/api/v1/extract").orElseThrow();

        for (HttpMethod write : new HttpMethod[] { HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE }) {
            assertThat(articles.requiredScope(write)).contains(Scope.ARTICLES_WRITE);
            assertThat(timelines.requiredScope(write)).contains(Scope.TIMELINES_WRITE);
        }
        assertThat(timelines.requiredScope(HttpMethod.GET)).contains(Scope.TIMELINES_READ);
        assertThat(timelines.requiredScope(HttpMethod.HEAD)).contains(Scope.TIMELINES_READ);
        assertThat(events.requiredScope(HttpMethod.GET)).contains(Scope.TIMELINES_READ);
        assertThat(extract.requiredScope(HttpMethod.POST)).isEmpty();
    }

    @Test
    void methodsThatAreNeitherReadsNorKnownWritesAreTreatedAsWrites() {
        Route timelines = table.match("/api/v1/timelines").orElseThrow();
        assertThat(timelines.requiredScope(HttpMethod.OPTIONS)).contains(Scope.TIMELINES_WRITE);
        assertThat(timelines.requiredScope(HttpMethod.valueOf("PURGE"))).contains(Scope.TIMELINES_WRITE);
    }

    @Test
    void aRouteTimeoutOverridesItsUpstreamsAndOnlyForThatRoute() {
        RouteTable slowExtraction = new RouteTable(
                new Upstream("ingest", URI.create("http://ingest:8081"), Duration.ofSeconds(10)),
                new Upstream("timeline", URI.create("http://timeline:8082"), Duration.ofSeconds(5)),
                new RouteTable.Timeouts(Optional.empty(), Optional.of(Duration.ofSeconds(45)), Optional.empty(),
                        Optional.empty()));

        assertThat(slowExtraction.match("/api/v1/extract").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(slowExtraction.match("/api/v1/articles").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(slowExtraction.match("/api/v1/events").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(slowExtraction.upstreams()).extracting(Upstream::name).containsExactly("ingest", "timeline");
    }

    private String routeOf(String path) {
        return table.match(path).orElseThrow(() -> new AssertionError("no route for " + path)).upstream().name();
    }
}
