package io.eventline.ingest.timex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;

/**
 * A normalization expression of a rule, parsed once: literal text, {@code group(n)} and calls
 * {@code %name(arg, ...)}. A name is either a normalization table ({@code %normMonth(group(2))}
 * looks the group up in the table {@code normMonth}) or one of the built-in functions below.
 * Evaluating yields {@code null} when a lookup fails: the match is then not an expression.
 *
 * <p>Built-ins: {@code %num(x)} a number written in digits or words ("twenty-four" = 24; "a" = 1;
 * "several" = X), {@code %pad2(x)}, {@code %pad4(x)}, {@code %year(x)} ("'98" = 1998),
 * {@code %hour24(h, ampm)}, {@code %dur(n, unit)} a duration ({@code %dur(30, days)} = P30D), {@code %durAndHalf(n, unit)} the
 * same and a half ({@code %durAndHalf(2, years)} = P2Y6M),
 * {@code %minus1(x)}, {@code %decadeOf(x)} ("1930" = 193), {@code %lower(x)}, {@code %default(x, d)} (d
 * where the optional group x did not match), {@code %prefix2(x)} (the first two characters: "1915" = 19).
 */
final class ValueTemplate {

    private sealed interface Part permits Literal, Group, Call {
    }

    private record Literal(String text) implements Part {
    }

    private record Group(int number) implements Part {
    }

    private record Call(String function, List<List<Part>> arguments) implements Part {
    }

    private final String source;
    private final List<Part> parts;
    private final Map<String, Map<String, String>> tables;

    private ValueTemplate(String source, List<Part> parts, Map<String, Map<String, String>> tables) {
        this.source = source;
        this.parts = parts;
        this.tables = tables;
    }

    static ValueTemplate parse(String source, Map<String, Map<String, String>> tables) {
        Parser parser = new Parser(source);
        List<Part> parts = parser.sequence(false);
        if (parser.at < source.length()) {
            throw new IllegalArgumentException("unbalanced value expression: " + source);
        }
        ValueTemplate template = new ValueTemplate(source, parts, tables);
        template.checkFunctions(parts);
        return template;
    }

    private void checkFunctions(List<Part> sequence) {
        for (Part part : sequence) {
            if (part instanceof Call call) {
                if (!BUILT_INS.contains(call.function()) && !tables.containsKey(call.function())) {
                    throw new IllegalArgumentException("unknown function %" + call.function() + " in " + source);
                }
                call.arguments().forEach(this::checkFunctions);
            }
        }
    }

    private static final List<String> BUILT_INS = List.of(
            "num", "pad2", "pad4", "year", "hour24", "dur", "durAndHalf", "minus1", "decadeOf", "lower", "default", "prefix2");

    /** The value for a match, or null if a lookup failed. */
    String evaluate(MatchResult match) {
        return evaluate(parts, match);
    }

    private String evaluate(List<Part> sequence, MatchResult match) {
        if (sequence.size() == 1) {
            return piece(sequence.get(0), match); // most arguments are one group: no builder
        }
        StringBuilder out = new StringBuilder();
        for (Part part : sequence) {
            String piece = piece(part, match);
            if (piece == null) {
                return null;
            }
            out.append(piece);
        }
        return out.toString();
    }

    /** The text of one part, or null if a lookup failed. */
    private String piece(Part part, MatchResult match) {
        if (part instanceof Literal literal) {
            return literal.text();
        }
        if (part instanceof Group group) {
            String piece = match.group(group.number());
            return piece == null ? "" : piece;
        }
        Call call = (Call) part;
        List<String> arguments = new ArrayList<>(call.arguments().size());
        for (List<Part> argument : call.arguments()) {
            String value = evaluate(argument, match);
            if (value == null) {
                return null;
            }
            arguments.add(value);
        }
        return apply(call.function(), arguments);
    }

    private String apply(String function, List<String> args) {
        Map<String, String> table = tables.get(function);
        if (table != null) {
            return table.get(key(args.get(0)));
        }
        return switch (function) {
            case "num" -> number(args.get(0));
            case "pad2" -> pad(args.get(0), 2);
            case "pad4" -> pad(args.get(0), 4);
            case "year" -> year(args.get(0));
            case "hour24" -> hour24(args.get(0), args.size() > 1 ? args.get(1) : "");
            case "dur" -> duration(args.get(0), args.get(1));
            case "durAndHalf" -> durationAndHalf(args.get(0), args.get(1));
            case "minus1" -> isDigits(args.get(0)) ? Integer.toString(Integer.parseInt(args.get(0)) - 1) : null;
            case "decadeOf" -> args.get(0).length() >= 3 ? args.get(0).substring(0, args.get(0).length() - 1) : null;
            case "lower" -> args.get(0).toLowerCase(Locale.ROOT);
            case "default" -> args.get(0).isEmpty() ? args.get(1) : args.get(0);
            case "prefix2" -> args.get(0).length() >= 2 ? args.get(0).substring(0, 2) : null;
            default -> throw new IllegalStateException("unknown function " + function);
        };
    }

    /** Table keys: lower case, no full stops, words separated by one space. */
    static String key(String text) {
        if (isKey(text)) {
            return text; // a number, a word in lower case: most lookups
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == '.') {
                continue;
            }
            if (Character.isWhitespace(c) || c == '-' || c == '\u00A0') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether {@link #key} leaves the text as it is. */
    private static boolean isKey(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.toLowerCase(c) != c || c == '.' || Character.isWhitespace(c) || c == '-' || c == '\u00A0') {
                return false;
            }
        }
        return true;
    }

    private String number(String text) {
        String k = key(text);
        if (k.isEmpty()) {
            return null;
        }
        String digits = k.replace(",", "");
        if (isDigits(digits)) {
            return Integer.toString(Integer.parseInt(digits));
        }
        Map<String, String> words = tables.get("normNumber");
        String whole = words.get(k);
        if (whole != null) {
            return whole;
        }
        int sum = 0;
        for (String word : k.split(" ")) {
            String value = words.get(word);
            if (value == null || !isDigits(value)) {
                return word.equals("and") ? null : null;
            }
            int n = Integer.parseInt(value);
            if (n == 100 && sum > 0) {
                sum *= 100;
            } else {
                sum += n;
            }
        }
        return Integer.toString(sum);
    }

    private static String pad(String text, int width) {
        if (!isDigits(text) || text.length() > width) {
            return text.length() > width ? null : text;
        }
        return "0".repeat(width - text.length()) + text;
    }

    private static String year(String text) {
        String digits = text.replaceAll("\\D", "");
        if (digits.length() == 4) {
            return digits;
        }
        if (digits.length() == 2) {
            return (Integer.parseInt(digits) >= 30 ? "19" : "20") + digits;
        }
        return null;
    }

    private static String hour24(String hour, String meridiem) {
        if (!isDigits(hour)) {
            return null;
        }
        int h = Integer.parseInt(hour);
        String m = key(meridiem);
        if (h > 24 || (!m.isEmpty() && h > 12)) {
            return null;
        }
        if (m.startsWith("p") && h < 12) {
            h += 12;
        } else if (m.startsWith("a") && h == 12) {
            h = 0;
        }
        return pad(Integer.toString(h), 2);
    }

    private String duration(String amount, String unitText) {
        String unit = tables.get("normUnit").get(key(unitText));
        if (unit == null) {
            return null;
        }
        boolean unknown = !isDigits(amount);
        long n = unknown ? 0 : Long.parseLong(amount);
        return switch (unit) {
            // decades are counted in years, an unknown number of them too ("decades-long" is PXY)
            case "DE" -> unknown ? "PXY" : "P" + n * 10 + "Y";
            case "CE" -> unknown ? "PXCE" : "P" + n * 100 + "Y";
            case "H", "MIN", "S" -> "PT" + (unknown ? "X" : Long.toString(n)) + (unit.equals("MIN") ? "M" : unit);
            default -> "P" + (unknown ? "X" : Long.toString(n)) + unit;
        };
    }

    /** "5 1/2 hours" = PT5H30M, "two and a half years" = P2Y6M: the half in the next smaller unit. */
    private String durationAndHalf(String amount, String unitText) {
        String unit = tables.get("normUnit").get(key(unitText));
        if (unit == null || !isDigits(amount)) {
            return duration(amount, unitText);
        }
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "DE" -> "P" + (n * 10 + 5) + "Y";
            case "CE" -> "P" + (n * 100 + 50) + "Y";
            case "Y" -> "P" + n + "Y6M";
            case "M" -> "P" + n + "M15D";
            case "D" -> "P" + n + "DT12H";
            case "H" -> "PT" + n + "H30M";
            case "MIN" -> "PT" + n + "M30S";
            default -> duration(amount, unitText);
        };
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Recursive descent over the expression text. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        List<Part> sequence(boolean inArgument) {
            List<Part> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at);
                if (inArgument && (c == ',' || c == ')')) {
                    break;
                }
                if (text.startsWith("group(", at)) {
                    flush(literal, parts);
                    int close = text.indexOf(')', at);
                    parts.add(new Group(Integer.parseInt(text.substring(at + 6, close).trim())));
                    at = close + 1;
                } else if (c == '%') {
                    flush(literal, parts);
                    int open = text.indexOf('(', at);
                    String name = text.substring(at + 1, open);
                    at = open + 1;
                    List<List<Part>> arguments = new ArrayList<>();
                    while (true) {
                        while (at < text.length() && text.charAt(at) == ' ') {
                            at++;
                        }
                        arguments.add(sequence(true));
                        if (at >= text.length()) {
                            throw new IllegalArgumentException("unclosed call in " + text);
                        }
                        char end = text.charAt(at++);
                        if (end == ')') {
                            break;
                        }
                    }
                    parts.add(new Call(name, arguments));
                } else {
                    literal.append(c);
                    at++;
                }
            }
            flush(literal, parts);
            return parts;
        }

        private static void flush(StringBuilder literal, List<Part> parts) {
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
        }
    }
}
