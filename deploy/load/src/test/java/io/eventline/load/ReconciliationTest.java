package io.eventline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldBeCleanWhenEveryAcceptedArticleHasExactlyItsReportsAcrossMergedEvents() {
        Ledger ledger = new Ledger();
        ledger.accepted("a", 1, 2, "A");
        ledger.accepted("b", 5, 1, "B");
        Reconciliation.Tally tally = new Reconciliation.Tally(ledger.expected());
        // One event merges a's first report with b's and another outlet's article; a's second report stands alone.
        tally.event(event("1", source("a", "A"), source("b", "B"), source("other-outlet", "X")));
        tally.event(event("2", source("a", "A")));

        Reconciliation result = tally.result(ledger.unresolved());

        assertThat(result.clean()).isTrue();
        assertThat(result.expectedReports()).isEqualTo(3);
        assertThat(result.foundReports()).isEqualTo(3);
        assertThat(result.events()).isEqualTo(2);
    }

    @Test
    void shouldCountMissingExtraAndDoubleListedEvents() {
        Ledger ledger = new Ledger();
        ledger.accepted("a", 1, 2, "A");
        ledger.accepted("b", 1, 1, "B");
        Reconciliation.Tally tally = new Reconciliation.Tally(ledger.expected());
        tally.event(event("1", source("a", "A")));
        tally.event(event("2", source("b", "B"), source("b", "B")));
        tally.event(event("2", source("b", "B")));

        Reconciliation result = tally.result(ledger.unresolved());

        assertThat(result.clean()).isFalse();
        assertThat(result.missingReports()).isEqualTo(1);
        assertThat(result.articlesWithMissing()).isEqualTo(1);
        assertThat(result.extraReports()).isEqualTo(2);
        assertThat(result.eventsListedTwice()).isEqualTo(1);
        assertThat(result.examples()).containsEntry("missing", List.of("a")).containsEntry("extra", List.of("b"));
    }

    @Test
    void shouldExpectTheHighestVersionWhateverOrderTheAnswersCameIn() {
        Ledger ledger = new Ledger();
        ledger.accepted("a", 9, 1, "update");
        ledger.accepted("a", 3, 4, "original");
        Reconciliation.Tally tally = new Reconciliation.Tally(ledger.expected());
        tally.event(event("1", source("a", "original")));

        Reconciliation result = tally.result(ledger.unresolved());

        assertThat(result.expectedReports()).isEqualTo(1);
        assertThat(result.staleReports()).isEqualTo(1);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void shouldFlagReportsOfARetractedArticleUnlessAGreaterVersionRepublishedIt() {
        Ledger ledger = new Ledger();
        ledger.accepted("gone", 1, 1, "G");
        ledger.retracted("gone", 2);
        ledger.accepted("back", 1, 1, "B");
        ledger.retracted("back", 2);
        ledger.accepted("back", 3, 1, "B");
        Reconciliation.Tally tally = new Reconciliation.Tally(ledger.expected());
        tally.event(event("1", source("gone", "G"), source("back", "B")));

        Reconciliation result = tally.result(ledger.unresolved());

        assertThat(result.retracted()).isEqualTo(1);
        assertThat(result.retractedVisible()).isEqualTo(1);
        assertThat(result.missingReports()).isZero();
        assertThat(result.clean()).isFalse();
    }

    @Test
    void shouldLeaveOutArticlesWhoseLastRequestWasNeverAccepted() {
        Ledger ledger = new Ledger();
        ledger.accepted("a", 1, 2, "A");
        ledger.accepted("unknown", 1, 3, "U");
        ledger.gaveUp("unknown");
        Reconciliation.Tally tally = new Reconciliation.Tally(ledger.expected());
        tally.event(event("1", source("a", "A"), source("a", "A")));

        Reconciliation result = tally.result(ledger.unresolved());

        assertThat(result.clean()).isTrue();
        assertThat(result.unresolved()).isEqualTo(1);
        assertThat(result.articles()).isEqualTo(1);
    }

    @Test
    void shouldKnowATitleByItsStoryMarkWhateverIngestNormalizedBeforeIt() {
        String sent = "<ABC CORP>  SAYS  PROFIT ROSE (story 17)";

        assertThat(Reconciliation.Tally.shows("SAYS PROFIT ROSE (story 17)", sent)).isTrue();
        assertThat(Reconciliation.Tally.shows("SAYS PROFIT ROSE (story 24)", sent)).isFalse();
    }

    private static JsonNode event(String id, ObjectNode... sources) {
        ObjectNode event = JSON.createObjectNode().put("id", id);
        ArrayNode array = event.putArray("sources");
        for (ObjectNode source : sources) {
            array.add(source);
        }
        return event;
    }

    private static ObjectNode source(String articleId, String title) {
        return JSON.createObjectNode().put("articleId", articleId).put("title", title).put("source", "Faults");
    }
}
