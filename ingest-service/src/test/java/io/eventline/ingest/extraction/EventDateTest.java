package io.eventline.ingest.extraction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventDateTest {

    @ParameterizedTest(name = "{0} is a {1} from {2} to {3}")
    @CsvSource(textBlock = """
            2025-02-19,      DAY,      2025-02-19, 2025-02-19
            2025-W08,        WEEK,     2025-02-17, 2025-02-23
            2024-02,         MONTH,    2024-02-01, 2024-02-29
            2025-Q1,         QUARTER,  2025-01-01, 2025-03-31
            2025-SU,         SEASON,   2025-06-01, 2025-08-31
            2025-WI,         SEASON,   2024-12-01, 2025-02-28
            1846,            YEAR,     1846-01-01, 1846-12-31
            198,             DECADE,   1980-01-01, 1989-12-31
            19,              CENTURY,  1900-01-01, 1999-12-31
            1914-04/1914-11, INTERVAL, 1914-04-01, 1914-11-30
            1915/1934,       INTERVAL, 1915-01-01, 1934-12-31
            2025-02-19T15:00, DAY,     2025-02-19, 2025-02-19
            2025-02-19TNI,   DAY,      2025-02-19, 2025-02-19
            2025-W08-WE,     WEEK,     2025-02-22, 2025-02-23
            2025-FA,         SEASON,   2025-09-01, 2025-11-30
            BC0480,          YEAR,     -0479-01-01, -0479-12-31
            """)
    void shouldCoverExactlyTheDaysOfItsValue(String value, Granularity granularity, LocalDate start, LocalDate end) {
        EventDate date = EventDate.fromValue(value);

        assertThat(date.granularity()).isEqualTo(granularity);
        assertThat(date.start()).isEqualTo(start);
        assertThat(date.end()).isEqualTo(end);
        assertThat(date.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P30D", "yesterday", "2025-13", "2025-02-30", "", "PRESENT_REF", "XXXX-WXX-1", "2025-02-19T25:00"})
    void shouldRefuseAValueThatIsNoCalendarDate(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventDate.fromValue(value));
    }
}
