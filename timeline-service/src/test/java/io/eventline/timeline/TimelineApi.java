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
    record Page(List<Event> events, String next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String id, Date date, String text, List<Source> sources) {

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

    /** One page; {@code params} alternate names and values, e.g. {@code page("from", "1901", "limit", "5")}. */
    static Page page(String... params) {
        return given().queryParams(toMap(params))
                .when().get(EVENTS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(Page.class);
    }

    /** Every page from the first, following {@code next} until it is null. */
    static List<Page> walk(String... params) {
        List<Page> pages = new ArrayList<>();
        Map<String, String> query = toMap(params);
        String cursor = null;
        do {
            Map<String, String> pageQuery = new HashMap<>(query);
            if (cursor != null) {
                pageQuery.put("cursor", cursor);
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

    private static Map<String, String> toMap(String... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected: " + Arrays.toString(params));
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return map;
    }
}
