package io.eventline.ingest.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A coarse class of a gold expression, to group what a tagger misses: its type and the shape of
 * its value ({@code YYYY-MM-DD}, {@code P..}, {@code PRESENT_REF}, ...), with the written cue
 * where it tells more than the value (a weekday, "today").
 */
final class ValueShape {

    private record Shape(Pattern value, String name) {
    }

    private static final List<Shape> SHAPES = List.of(
            shape("PRESENT_REF|PAST_REF|FUTURE_REF", null),
            shape("PT.*", "PT.. (hours, minutes)"),
            shape("P.*", "P.. (duration)"),
            shape("\\d{4}-\\d{2}-\\d{2}T.*", "YYYY-MM-DDThh.. (date-time)"),
            shape("\\d{4}-\\d{2}-\\d{2}", "YYYY-MM-DD"),
            shape("\\d{4}-\\d{2}", "YYYY-MM"),
            shape("\\d{4}-W\\d{2}.*", "YYYY-Www (week)"),
            shape("\\d{4}-[QH]\\d", "YYYY-Qn/Hn (quarter, half)"),
            shape("\\d{4}-(SP|SU|FA|WI)", "YYYY-SE (season)"),
            shape("\\d{4}", "YYYY"),
            shape("\\d{3}", "YYY (decade)"),
            shape("\\d{2}", "YY (century)"),
            shape("X.*T.*", "XXXX-..T.. (time, no date)"),
            shape("X.*", "XXXX-.. (year unknown)"),
            shape("T.*", "T.. (time of day)"),
            shape("BC.*", "BC.."),
            shape("null", "null (no value in gold)"));

    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b");
    private static final Pattern TODAY = Pattern.compile("(?i)\\b(today|yesterday|tomorrow|tonight)\\b");

    private ValueShape() {
    }

    static String of(GoldTimex gold) {
        String shape = "other";
        for (Shape candidate : SHAPES) {
            if (candidate.value().matcher(gold.value()).matches()) {
                shape = candidate.name() == null ? gold.value() : candidate.name();
                break;
            }
        }
        if (shape.startsWith("YYYY-MM-DD") && WEEKDAY.matcher(gold.text()).find()) {
            shape += ", weekday word";
        } else if (TODAY.matcher(gold.text()).find()) {
            shape += ", today/yesterday/tomorrow";
        }
        return gold.type().toUpperCase(Locale.ROOT) + " " + shape;
    }

    private static Shape shape(String value, String name) {
        return new Shape(Pattern.compile(value), name);
    }
}
