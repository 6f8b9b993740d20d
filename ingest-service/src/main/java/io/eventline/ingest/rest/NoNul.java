package io.eventline.ingest.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text without the NUL character, which PostgreSQL text cannot hold: an article carrying one was
 * accepted and then dead-lettered by timeline-service, so it is refused here, naming the field.
 * {@code null} is left to {@code @NotNull}. A plain scan: a body is up to 2 MB, and a regular
 * expression ({@code [^\x00]*}) walked it through the regex engine for the same answer.
 */
@Documented
@Constraint(validatedBy = NoNul.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoNul {

    String message() default "must not contain the NUL character (U+0000)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoNul, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.indexOf('\u0000') < 0;
        }
    }
}
