package io.eventline.timeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/** The timeline API as a client sees it. */
final class TimelineApi {

    static final String EVENTS = "/api/v1/events";

    private TimelineApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Event> events, String next, String nextLink, long total, boolean totalExact) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String id, Date date, String text, List<Entity> entities, int reportCount, int outletCount,
                 String firstReportedAt, List<Source> sources) {

        boolean statedBy(Set<String> articleIds) {
            return sources.stream().anyMatch(s -> articleIds.contains(s.articleId()));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Date(String value, String granularity, String start, String end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String articleId, String title, String url, String publishedAt, String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entity(String text, String type) {
    }

    /** GET /events/{id}: the event with what each source said. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(String id, Date date, String text, int reportCount, int outletCount, String firstReportedAt,
                  List<Report> sources) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String articleId, String source, String url, String title, String publishedAt, String text,
                  Date statedDate, Span sentence, Expression expression) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Span(int start, int end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Expression(String text, int start, int end) {
    }

    static Detail detail(String id) {
        return given().when().get(EVENTS + "/" + id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(Detail.class);
    }

    /**
     * One page; {@code params} alternate names and values, e.g. {@code page("from", "1901", "limit", "5")};
     * a name may come more than once ({@code "entity", "a", "entity", "b"}).
     */
    static Page page(String... params) {
        return given().queryParams(toMap(params))
                .when().get(EVENTS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(Page.class);
    }

    /** Every page from the first, following {@code next} until it is null. */
    static List<Page> walk(String... params) {
        List<Page> pages = new ArrayList<>();
        Map<String, List<String>> query = toMap(params);
        String cursor = null;
        do {
            Map<String, List<String>> pageQuery = new HashMap<>(query);
            if (cursor != null) {
                pageQuery.put("cursor", List.of(cursor));
            }
            Page page = given().queryParams(pageQuery)
                    .when().get(EVENTS)
                    .then().statusCode(200)
                    .extract().as(Page.class);
            pages.add(page);
            cursor = page.next();
        } while (cursor != null && pages.size() < 1_000);
        return pages;
    }

    /** All events of a query (over every page) that the given articles state, in the order served. */
    static List<Event> eventsStatedBy(Set<String> articleIds, String... params) {
        return walk(params).stream()
                .flatMap(p -> p.events().stream())
                .filter(e -> e.statedBy(articleIds))
                .toList();
    }

    static List<String> texts(List<Event> events) {
        return events.stream().map(Event::text).toList();
    }

    private static Map<String, List<String>> toMap(String... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected: " + Arrays.toString(params));
        }
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.computeIfAbsent(params[i], name -> new ArrayList<>()).add(params[i + 1]);
        }
        return map;
    }
}
