package io.eventline.timeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** PostgreSQL's text of a day (PostgreSQL's own reading of it: BeforeChristTest). */
class PostgresDateJdbcTypeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2025-02-19,  2025-02-19",
            "0001-01-01,  0001-01-01",
            "0000-12-31,  0001-12-31 BC",
            "-0489-09-12, 0490-09-12 BC",
            // a leap year of the proleptic calendar, 489 BC: the day pgjdbc cannot read from text
            "-0488-02-29, 0489-02-29 BC",
            "-4712-01-01, 4713-01-01 BC",
    })
    void aDayIsWrittenAndReadInPostgresqlsEraForm(String iso, String sql) {
        LocalDate day = LocalDate.parse(iso);

        assertThat(PostgresDateJdbcType.toSql(day)).isEqualTo(sql);
        assertThat(PostgresDateJdbcType.fromSql(sql)).isEqualTo(day);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0489-01-01", "0490-01-01 AD", "infinity", "0490-1-01 BC", ""})
    void anythingElseIsNotAPostgresqlDate(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> PostgresDateJdbcType.fromSql(text));
    }
}
