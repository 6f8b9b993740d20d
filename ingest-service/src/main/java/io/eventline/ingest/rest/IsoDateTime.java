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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 date-time with an offset ({@code 2025-02-20T10:00:00+01:00} or {@code ...Z}), in the
 * years 1 to 9999. Validated as text rather than bound to {@link OffsetDateTime}, so a bad value is
 * reported as a violation of the field, like every other invalid field; {@code null} is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = IsoDateTime.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDateTime {

    String message() default "must be an ISO-8601 date-time with an offset in the years 0001 to 9999, e.g. 2025-02-20T10:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDateTime, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The parsed value, or {@code null} if it is not a date-time with an offset in the years 1 to 9999. */
        static OffsetDateTime parse(String value) {
            OffsetDateTime dateTime;
            try {
                dateTime = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return null;
            }
            boolean inYears = TimelineYears.contain(dateTime.getYear())
                    && TimelineYears.contain(dateTime.withOffsetSameInstant(ZoneOffset.UTC).getYear());
            return inYears ? dateTime : null;
        }
    }
}
