package io.eventline.timeline;

import io.agroal.api.AgroalDataSource;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineApi.Event;
import io.eventline.timeline.TimelineApi.Page;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.event;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static io.eventline.timeline.TimelineApi.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events before AD 1 (a history article's "in 490 BC"), as ingest-service publishes them: ISO days with
 * a signed year in the proleptic Gregorian calendar ({@code -0489-01-01} is 1 January 490 BC, year
 * {@code 0000} is 1 BC). They are stored as those very days, listed in time order across the era
 * boundary, found by {@code from}/{@code to} in either form, paged, shown and exported.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BeforeChristTest extends ArticlesTopicTest {

    private static final String MARATHON_YEAR = "Persian troops landed near Athens.";
    private static final String MARATHON = "Athenian hoplites routed the invaders at Marathon.";
    private static final String ONE_BC = "Augustus adopted his grandsons.";
    private static final String AD_ONE = "Tiberius withdrew to Rhodes.";
    private static final String LEAP_DAY = "An olympiad festival ended.";
    private static final String FIFTH_CENTURY_BC = "Greek tragedy flourished in theatres.";
    private static final String MODERN = "Archaeologists dated the burial mound.";

    @Inject
    AgroalDataSource dataSource;

    private String article;

    @BeforeAll
    void publish() {
        article = newArticleId();
        // sent out of order: the timeline orders them
        topic.awaitConsumed(topic.send(version(article, 1,
                day("2025-02-03", MODERN),
                event("0001", "year", "0001-01-01", "0001-12-31", AD_ONE),
                event("BC0001", "year", "0000-01-01", "0000-12-31", ONE_BC),
                day("-0489-09-12", MARATHON),
                // -0488 is a leap year in the proleptic calendar, as its 489 BC is in PostgreSQL's
                day("-0488-02-29", LEAP_DAY),
                event("BC0490", "year", "-0489-01-01", "-0489-12-31", MARATHON_YEAR),
                event("BC04", "century", "-0499-01-01", "-0400-12-31", FIFTH_CENTURY_BC))));
    }

    @Test
    void theEventsAreStoredOnTheirOwnDaysAndListedInTimeOrderAcrossTheEraBoundary() {
        assertThat(texts(eventsStatedBy(Set.of(article), "limit", "500"))).containsExactly(
                FIFTH_CENTURY_BC, MARATHON_YEAR, MARATHON, LEAP_DAY, ONE_BC, AD_ONE, MODERN);

        // PostgreSQL's own reading of what was stored: 490 BC is its 0490 BC (no year 0), the day not shifted
        var stored = new TimelineStore(dataSource).snapshot(article).mentions().stream()
                .filter(m -> m.text().equals(MARATHON) || m.text().equals(ONE_BC) || m.text().equals(LEAP_DAY))
                .map(m -> m.start() + ".." + m.end()).toList();
        assertThat(stored).containsExactlyInAnyOrder(
                "0490-09-12 BC..0490-09-12 BC", "0001-01-01 BC..0001-12-31 BC", "0489-02-29 BC..0489-02-29 BC");
    }

    @Test
    void fromAndToTakeSignedIsoYearsAndTimeMlBcYears() {
        Set<String> ids = Set.of(article);
        assertThat(texts(eventsStatedBy(ids, "from", "-0500", "limit", "500"))).containsExactly(
                FIFTH_CENTURY_BC, MARATHON_YEAR, MARATHON, LEAP_DAY, ONE_BC, AD_ONE, MODERN);
        assertThat(texts(eventsStatedBy(ids, "from", "-0489-09", "to", "-0489-09-30", "limit", "500")))
                .containsExactly(FIFTH_CENTURY_BC, MARATHON_YEAR, MARATHON);
        // BC0490 is the year -0489
        assertThat(texts(eventsStatedBy(ids, "from", "BC0490", "to", "BC0490", "limit", "500")))
                .containsExactly(FIFTH_CENTURY_BC, MARATHON_YEAR, MARATHON);
        assertThat(texts(eventsStatedBy(ids, "from", "BC0001", "to", "0000", "limit", "500"))).containsExactly(ONE_BC);
        assertThat(texts(eventsStatedBy(ids, "to", "0000", "limit", "500")))
                .containsExactly(FIFTH_CENTURY_BC, MARATHON_YEAR, MARATHON, LEAP_DAY, ONE_BC);
        assertThat(texts(eventsStatedBy(ids, "from", "0001", "to", "0001", "limit", "500"))).containsExactly(AD_ONE);
    }

    @Test
    void theCursorWalksAcrossTheEraBoundaryOnePageAtATime() {
        List<Page> pages = TimelineApi.walk("from", "BC0500", "to", "0001", "limit", "1");
        List<Event> walked = pages.stream().flatMap(p -> p.events().stream()).filter(e -> e.statedBy(Set.of(article))).toList();

        assertThat(texts(walked)).containsExactly(FIFTH_CENTURY_BC, MARATHON_YEAR, MARATHON, LEAP_DAY, ONE_BC, AD_ONE);
        assertThat(walked.get(4).date().start()).isEqualTo("0000-01-01");
    }

    @Test
    void anEventShowsItsSignedDaysAndTheValueAsStated() {
        Event listed = eventsStatedBy(Set.of(article), "from", "BC0490", "to", "BC0490", "granularity", "year").get(0);

        TimelineApi.Detail detail = TimelineApi.detail(listed.id());

        assertThat(detail.date()).isEqualTo(new TimelineApi.Date("BC0490", "year", "-0489-01-01", "-0489-12-31"));
        assertThat(detail.sources()).singleElement().satisfies(source ->
                assertThat(source.statedDate()).isEqualTo(detail.date()));
    }

    @Test
    void aSourceShowsTheDaysItStatedBeforeChristLeapDayIncluded() {
        for (String text : List.of(LEAP_DAY, MARATHON)) {
            Event listed = eventsStatedBy(Set.of(article), "to", "0000", "limit", "500").stream()
                    .filter(e -> e.text().equals(text)).findFirst().orElseThrow();

            TimelineApi.Detail detail = TimelineApi.detail(listed.id());

            String day = text.equals(LEAP_DAY) ? "-0488-02-29" : "-0489-09-12";
            assertThat(detail.sources()).singleElement().satisfies(source ->
                    assertThat(source.statedDate()).isEqualTo(new TimelineApi.Date(day, "day", day, day)));
        }
    }

    @Test
    void exportsWriteTheYearsBeforeChristAndTheCalendarLeavesThemOut() {
        Response js = given().queryParam("format", "timelinejs").queryParam("from", "BC0490").queryParam("to", "BC0490")
                .when().get(EVENTS);
        js.then().statusCode(200);
        // TimelineJS takes a negative year for one before AD 1, as JavaScript's Date counts it (0 is 1 BC)
        assertThat(js.jsonPath().getList("events.start_date.year")).contains("-489");

        String csv = given().queryParam("format", "csv").queryParam("from", "BC0490").queryParam("to", "BC0490")
                .when().get(EVENTS).then().statusCode(200).extract().asString();
        // a leading minus would make a spreadsheet compute the cell: the CSV export's quote keeps it text
        assertThat(csv).contains(",BC0490,year,'-0489-01-01,'-0489-12-31," + MARATHON_YEAR + ",");

        String calendar = given().queryParam("format", "ical").queryParam("from", "-0489").queryParam("to", "2025")
                .when().get(EVENTS).then().statusCode(200).extract().asString();
        assertThat(calendar).contains("DTSTART;VALUE=DATE:20250203").doesNotContain(MARATHON).doesNotContain("-0489");
    }
}
