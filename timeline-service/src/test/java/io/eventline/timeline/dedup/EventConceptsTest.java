package io.eventline.timeline.dedup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventConceptsTest {

    @Test
    void shouldReadTheHappeningOfTheMainClauseNotOfTheClauseThatDatesIt() {
        assertThat(EventConcepts.of("The NBA suspended its season on Wednesday night after Utah Jazz center Rudy Gobert "
                + "tested positive for the coronavirus.")).containsExactly("pause");
        assertThat(EventConcepts.of("Hours after his inauguration on Monday, the president ordered the US out of the "
                + "Paris accord on climate change.")).containsExactly("withdrawal");
        assertThat(EventConcepts.of("Tom Hanks said that he and his wife had tested positive for the coronavirus."))
                .containsExactly("positive-test");
    }

    @Test
    void shouldKeepAClauseOpenedBySinceWhichDatesTheReportsOwnHappening() {
        assertThat(EventConcepts.of("Since Biden quit the race in July, Harris has raised more than $300 million."))
                .containsExactly("candidacy");
    }

    @Test
    void shouldCountATriggerInsideALongerOneOnlyAsTheLongerOne() {
        assertThat(EventConcepts.of("Trump on Wednesday suspended travel from Europe to the United States for 30 days."))
                .containsExactly("travel-ban");
        assertThat(EventConcepts.of("The NBA suspended its season.")).containsExactly("pause");
    }
}
