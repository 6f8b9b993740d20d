package io.eventline.timeline.service;

import io.eventline.timeline.Event;
import io.eventline.timeline.EventDate;
import io.eventline.timeline.repository.EventMentionRepository.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The transaction's neighbourhood answers a placement's candidates from memory only when they are the
 * ones the candidate query would answer: the events overlapping the period, the closest in length
 * first, at most the limit; otherwise it asks for the period to be read again.
 */
class NeighbourhoodTest {

    private static final LocalDate DAY = LocalDate.of(2025, 2, 19);
    private static final Period THE_DAY = new Period(DAY, DAY);

    @Test
    void answersFromMemoryWhatTheReadAndTheTransactionsOwnChangesMake() {
        EventMerger.Neighbourhood neighbourhood = new EventMerger.Neighbourhood();
        Event month = event(1, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28));
        Event day = event(2, DAY, DAY);
        neighbourhood.put(month, List.of());
        neighbourhood.put(day, List.of());
        // fewer than the limit came back: every stored event overlapping the day was read
        neighbourhood.read(List.of(THE_DAY), List.of(month, day), 3);

        Event created = event(3, DAY, DAY);
        neighbourhood.put(created, List.of());
        assertEquals(List.of(2L, 3L, 1L), neighbourhood.candidates(THE_DAY, 3, false), "days before the month, then by id");
        assertEquals(List.of(2L, 3L), neighbourhood.candidates(THE_DAY, 2, false));

        neighbourhood.remove(day);
        assertEquals(List.of(3L, 1L), neighbourhood.candidates(THE_DAY, 3, false), "a removal leaves nothing unread behind");
    }

    @Test
    void readsAgainWhenRemovalsThinAPeriodWhoseReadWasCutAtTheLimit() {
        EventMerger.Neighbourhood neighbourhood = new EventMerger.Neighbourhood();
        Event first = event(10, DAY, DAY);
        Event second = event(11, DAY, DAY);
        neighbourhood.put(first, List.of());
        neighbourhood.put(second, List.of());
        // the limit (2) came back: stored events beyond the second may exist, unread
        neighbourhood.read(List.of(THE_DAY), List.of(first, second), 2);
        assertEquals(List.of(10L, 11L), neighbourhood.candidates(THE_DAY, 2, false));

        neighbourhood.put(event(5, DAY, DAY), List.of());
        assertEquals(List.of(5L, 10L), neighbourhood.candidates(THE_DAY, 2, false),
                "an event this transaction made ranks among those read");

        neighbourhood.remove(first);
        neighbourhood.remove(second);
        assertNull(neighbourhood.candidates(THE_DAY, 2, false),
                "one event left within the read's boundary: the next one may be an unread stored event");
        assertEquals(List.of(5L), neighbourhood.candidates(THE_DAY, 2, true), "just read: memory is what is stored");
    }

    @Test
    void findsTheEventsOverlappingAPeriodWhateverTheirLengthAndAfterTheirDatesChange() {
        EventMerger.Neighbourhood neighbourhood = new EventMerger.Neighbourhood();
        Event decade = event(1, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31));
        Event leapYear = event(2, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        Event twoYears = event(3, LocalDate.of(2023, 6, 1), LocalDate.of(2025, 5, 31));
        Event yearBefore = event(4, LocalDate.of(2024, 2, 20), LocalDate.of(2025, 2, 19));
        Event dayAfter = event(5, DAY.plusDays(1), DAY.plusDays(1));
        Event day = event(6, DAY, DAY);
        List.of(decade, leapYear, twoYears, yearBefore, dayAfter, day).forEach(e -> neighbourhood.put(e, List.of()));
        neighbourhood.read(List.of(THE_DAY), List.of(), 10);

        // the day itself, then the year ending on it (364 days longer), the two years, the decade; not the leap
        // year (it ended before) nor the next day
        assertEquals(List.of(6L, 4L, 3L, 1L), neighbourhood.candidates(THE_DAY, 10, false));

        day.date = new EventDate("2025-02", "month", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28));
        neighbourhood.put(day, List.of()); // its date changed: it is found by the new one only
        yearBefore.date = new EventDate("2024", "year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        neighbourhood.put(yearBefore, List.of());
        assertEquals(List.of(6L, 3L, 1L), neighbourhood.candidates(THE_DAY, 10, false));

        neighbourhood.remove(decade);
        assertEquals(List.of(6L, 3L), neighbourhood.candidates(THE_DAY, 10, false));
    }

    /** Each class of length (a day, a week, a month, a quarter, a year) is looked at from its longest length before the day. */
    @Test
    void findsEventsOfEveryLengthThatEndOnTheDayAndNoneThatEndTheDayBefore() {
        EventMerger.Neighbourhood neighbourhood = new EventMerger.Neighbourhood();
        long id = 1;
        List<Long> ending = new java.util.ArrayList<>();
        for (int length : new int[] {0, 6, 30, 91, 365, 366}) {
            Event endsOnTheDay = event(id++, DAY.minusDays(length), DAY);
            Event endsTheDayBefore = event(id++, DAY.minusDays(length + 1), DAY.minusDays(1));
            neighbourhood.put(endsOnTheDay, List.of());
            neighbourhood.put(endsTheDayBefore, List.of());
            ending.add(endsOnTheDay.id);
        }
        neighbourhood.read(List.of(THE_DAY), List.of(), 20);

        assertEquals(ending, neighbourhood.candidates(THE_DAY, 20, false), "the closest in length first");
    }

    @Test
    void aPeriodNeverReadIsReadFirst() {
        EventMerger.Neighbourhood neighbourhood = new EventMerger.Neighbourhood();
        neighbourhood.put(event(1, DAY, DAY), List.of());
        assertNull(neighbourhood.candidates(THE_DAY, 10, false));
    }

    private static Event event(long id, LocalDate start, LocalDate end) {
        Event event = new Event();
        event.id = id;
        event.date = new EventDate(start.toString(), start.equals(end) ? "day" : "month", start, end);
        return event;
    }
}
