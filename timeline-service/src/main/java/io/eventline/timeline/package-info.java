/**
 * The timeline's domain: events, their mentions, the articles stating them, saved timelines.
 *
 * <p>Every SQL {@code DATE}, whatever maps or binds it (entity columns, native query parameters and
 * results), goes through JDBC as a {@code java.time.LocalDate} ({@link PostgresDateJdbcType}), in the
 * proleptic Gregorian calendar events are dated in, years before AD 1 included (ISO year 0 is
 * PostgreSQL's 1 BC). Hibernate's default goes through {@code java.sql.Date}, whose Julian calendar
 * before 1582 and lack of a year 0 shifted such dates by days and turned 490 BC into another year.
 */
@JdbcTypeRegistration(value = PostgresDateJdbcType.class, registrationCode = Types.DATE)
package io.eventline.timeline;

import org.hibernate.annotations.JdbcTypeRegistration;

import java.sql.Types;
