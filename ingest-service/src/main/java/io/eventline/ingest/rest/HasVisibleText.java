package io.eventline.ingest.rest;

import io.eventline.ingest.service.ArticleTextNormalizer;
import jakarta.inject.Inject;
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
 * A title that still has text once normalized as it is published (markup removed, invisible characters
 * dropped, spaces collapsed): "&lt;b&gt;&lt;/b&gt;" or a zero-width space pass {@code @NotBlank}, but
 * were published as an empty title, which timeline-service refuses, so the article was accepted with a
 * 202 and then dead-lettered (found by PublicApiFuzzIT). {@code null} is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = HasVisibleText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HasVisibleText {

    String message() default "must have visible text (not only markup, spaces or invisible characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HasVisibleText, String> {

        @Inject
        ArticleTextNormalizer normalizer;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !normalizer.normalizeTitle(value).isBlank();
        }
    }
}
