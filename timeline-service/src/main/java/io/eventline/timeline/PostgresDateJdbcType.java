package io.eventline.timeline;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL {@code date} to and from {@link LocalDate}, days before AD 1 included, registered for every
 * SQL {@code DATE} ({@code package-info}). Binds with {@code setObject(LocalDate)}, which pgjdbc writes
 * exactly ({@code 0490-01-01 BC} for -0489-01-01). Reads with {@code getObject(LocalDate.class)}, which
 * is exact too except for one case: a leap day before AD 1 in a text-format result, which pgjdbc
 * (42.7) builds in the year of its era first, so 29 February 489 BC (ISO -0488, a leap year) fails as
 * "489 is not a leap year". That result's text is then read here ({@link #fromSql}); a binary-format
 * result (a statement prepared on the server) never fails.
 */
public class PostgresDateJdbcType extends LocalDateJdbcType {

    /** PostgreSQL's ISO output of a date (DateStyle ISO, set by pgjdbc): year of era, BC when before AD 1. */
    private static final Pattern SQL_DATE = Pattern.compile("(\\d{4,})-(\\d{2})-(\\d{2})( BC)?");

    /** The day as PostgreSQL reads and writes it: it knows no year 0 nor negative years, but 1 BC, 2 BC... */
    public static String toSql(LocalDate day) {
        return day.getYear() > 0 ? day.toString()
                : String.format("%04d-%02d-%02d BC", 1 - day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /** @throws IllegalArgumentException when {@code text} is not a date as {@link #toSql} writes it */
    public static LocalDate fromSql(String text) {
        Matcher matcher = SQL_DATE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL date: " + text);
        }
        int yearOfEra = Integer.parseInt(matcher.group(1));
        return LocalDate.of(matcher.group(4) == null ? yearOfEra : 1 - yearOfEra,
                Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
    }

    /** The day in a column of a result, as Hibernate reads it through this type (for code reading JDBC results itself). */
    public static LocalDate read(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getObject(column, LocalDate.class);
        } catch (DateTimeException e) {
            return fromSql(rs.getString(column));
        }
    }

    @Override
    public <X> BasicExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return javaType.wrap(read(rs, paramIndex), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(statement.getObject(index, LocalDate.class), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return javaType.wrap(statement.getObject(name, LocalDate.class), options);
            }
        };
    }
}
