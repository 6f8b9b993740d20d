package io.eventline.timeline.dedup;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.eventline.timeline.dedup.LabelledSet.timeMl;
import static org.assertj.core.api.Assertions.assertThat;

class DateCompatibilityTest {

    private static final ReportedDate WEEK_9 =
            new ReportedDate("2025-W09", "week", LocalDate.of(2025, 2, 24), LocalDate.of(2025, 3, 2));

    @Test
    void shouldMatchTheSameDay() {
        assertThat(DateCompatibility.compatible(timeMl("2025-02-19"), timeMl("2025-02-19"))).isTrue();
    }

    @Test
    void shouldMatchACoarserDateThatContainsTheFinerOne() {
        assertThat(DateCompatibility.compatible(timeMl("2025-02"), timeMl("2025-02-19"))).isTrue();
        assertThat(DateCompatibility.compatible(timeMl("2025-02-19"), timeMl("2025"))).isTrue();
        assertThat(DateCompatibility.compatible(timeMl("198"), timeMl("1981-12"))).isTrue();
        assertThat(DateCompatibility.compatible(timeMl("1914"), timeMl("1914-04/1914-11"))).isTrue();
        assertThat(DateCompatibility.compatible(timeMl("1914-04/1914-11"), timeMl("1914-04-21"))).isTrue();
        assertThat(DateCompatibility.compatible(WEEK_9, timeMl("2025-02-26"))).isTrue();
    }

    @Test
    void shouldKeepApartDifferentDaysAndDatesThatOnlyOverlap() {
        assertThat(DateCompatibility.compatible(timeMl("2025-02-03"), timeMl("2025-02-04"))).isFalse();
        assertThat(DateCompatibility.compatible(timeMl("2025-03"), timeMl("2025-02"))).isFalse();
        assertThat(DateCompatibility.compatible(WEEK_9, timeMl("2025-03"))).isFalse();
        assertThat(DateCompatibility.compatible(timeMl("1914-04/1914-11"), timeMl("1914-12-01"))).isFalse();
    }

    @Test
    void shouldGiveTheMostPreciseOfNestedDates() {
        assertThat(DateCompatibility.narrowest(List.of(timeMl("2025"), timeMl("2025-02-19"), timeMl("2025-02"))))
                .isEqualTo(timeMl("2025-02-19"));
        assertThat(DateCompatibility.compatibleWithAll(timeMl("2025-02"), List.of(timeMl("2025-02-03"), timeMl("2025"))))
                .isTrue();
        assertThat(DateCompatibility.compatibleWithAll(timeMl("2025-02-19"), List.of(timeMl("2025-02-03"), timeMl("2025"))))
                .isFalse();
    }
}
