package io.eventline.timeline.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a text states (counts, amounts, percentages), as numbers: "10,000 troops", "25 percent",
 * "$1.3 billion", "eight gangs". Calendar numbers are not figures: the day of a "February 19" or a
 * "19 February", and plain years ("in 1917"), are dropped, since the date is judged apart.
 */
final class Figures {

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern CALENDAR_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH
                    + "(?:,?\\s+\\d{4})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(%|percent|per cent|thousand|million|billion|trillion)\\b)?"
                    + "|\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
                    + "|sixty|seventy|eighty|ninety|hundred|dozen|dozens|hundreds|thousands)\\b(?:\\s+(thousand|million|billion))?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Double> WORDS = Map.ofEntries(
            Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0),
            Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0),
            Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0), Map.entry("fifteen", 15.0),
            Map.entry("twenty", 20.0), Map.entry("thirty", 30.0), Map.entry("forty", 40.0), Map.entry("fifty", 50.0),
            Map.entry("sixty", 60.0), Map.entry("seventy", 70.0), Map.entry("eighty", 80.0), Map.entry("ninety", 90.0),
            Map.entry("hundred", 100.0), Map.entry("dozen", 12.0));
    private static final Map<String, Double> SCALES = Map.of(
            "thousand", 1e3, "million", 1e6, "billion", 1e9, "trillion", 1e12);

    /** Two figures agree within this relative difference: rounding ("about 3,000" and "2,977"). */
    static final double TOLERANCE = 0.05;

    private Figures() {
    }

    static double[] of(String text) {
        String withoutDays = CALENDAR_DAY.matcher(text).replaceAll(" ");
        List<Double> figures = new ArrayList<>();
        Matcher m = NUMBER.matcher(withoutDays);
        while (m.find()) {
            Double value;
            String scale;
            if (m.group(1) != null) {
                value = Double.parseDouble(m.group(1).replace(",", ""));
                scale = m.group(2);
                if (scale == null && m.group(1).length() == 4 && value >= 1000 && value <= 2100) {
                    continue; // a year
                }
            } else {
                value = WORDS.get(m.group(3).toLowerCase(Locale.ROOT));
                scale = m.group(4);
                if (value == null) {
                    continue; // "dozens", "hundreds", "thousands": an order of magnitude, not a figure
                }
            }
            if (scale != null) {
                value *= SCALES.getOrDefault(scale.toLowerCase(Locale.ROOT), 1.0);
            }
            figures.add(value);
        }
        return figures.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
    }

    private static final Pattern PERCENTAGE = Pattern.compile(
            "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAGNITUDE = Pattern.compile(
            "\\bmagnitude(?:\\s+of)?[\\s-]+(\\d(?:\\.\\d)?)\\b|(?<![\\w.])(\\d(?:\\.\\d)?)[\\s-]+magnitude\\b",
            Pattern.CASE_INSENSITIVE);

    /** The percentages a text states ("25%", "10 per cent"): rates, which a follow-up usually changes. */
    static double[] percentages(String text) {
        // most reports state none: a scan for the words costs a fraction of the pattern's search
        boolean any = text.indexOf('%') >= 0 || containsIgnoringCase(text, "percent") || containsIgnoringCase(text, "per cent");
        return any ? values(PERCENTAGE.matcher(text)) : NONE;
    }

    /** The magnitudes of earthquakes a text states ("magnitude 7.8", "a 7.5-magnitude quake"). */
    static double[] magnitudes(String text) {
        return containsIgnoringCase(text, "magnitude") ? values(MAGNITUDE.matcher(text)) : NONE;
    }

    private static final double[] NONE = new double[0];

    private static boolean containsIgnoringCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static double[] values(Matcher m) {
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(m.groupCount())));
        }
        return values.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
    }

    static boolean agree(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Whether some figure of {@code a} agrees with some figure of {@code b}. */
    static boolean anyAgree(double[] a, double[] b) {
        for (double x : a) {
            for (double y : b) {
                if (agree(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
