package io.eventline.ingest.rest;

import io.eventline.ingest.service.TimelineYears;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A publication date: an ISO-8601 date ({@code 2025-02-20}) or date-time with an offset
 * ({@code 2025-02-20T10:00:00+01:00}, {@code ...Z}), whose local date is the publication date, in the
 * years 1 to 9999 ({@link TimelineYears}).
 * {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PublicationDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicationDate {

    String message() default "must be an ISO-8601 date or date-time with an offset in the years 0001 to 9999, e.g. 2025-02-20 or 2025-02-20T10:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PublicationDate, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The publication date, or {@code null} if the value is neither form. */
        static LocalDate parse(String value) {
            try {
                LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
                return TimelineYears.contain(date.getYear()) ? date : null;
            } catch (DateTimeParseException notADate) {
                OffsetDateTime dateTime = IsoDateTime.Validator.parse(value);
                return dateTime == null ? null : dateTime.toLocalDate();
            }
        }
    }
}
