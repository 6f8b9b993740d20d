package io.eventline.ingest.timex;

import io.eventline.ingest.extraction.TemporalType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagger's knowledge, read from the resource files under {@code timex/} and compiled once:
 *
 * <ul>
 *   <li>{@code normalization.txt}: tables, a {@code table <name>} line then {@code key = value} lines
 *       ("february = 02"); keys are looked up lower-cased, without full stops;</li>
 *   <li>{@code patterns.txt}: named patterns, a {@code pattern <name>} line then one alternative (a regular
 *       expression) per line; {@code %name} in a pattern or rule stands for the alternatives;</li>
 *   <li>{@code rules-date.txt}, {@code rules-time.txt}, {@code rules-duration.txt},
 *       {@code rules-set.txt}: rules, each a block that starts with
 *       {@code rule <name>} followed by indented {@code key value} lines (see the files).</li>
 * </ul>
 *
 * Lines starting with {@code #} are comments. A broken file fails loudly at start, naming the
 * file and line.
 */
final class RuleSet {

    static final String ROOT = "timex/";
    private static final List<String> RULE_FILES = List.of(
            "rules-date.txt", "rules-time.txt", "rules-duration.txt", "rules-set.txt");
    private static final Pattern REFERENCE = Pattern.compile("%(re[A-Za-z0-9]+)");
    private static final String BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String BOUNDARY_AFTER = "(?![\\p{L}\\p{N}])";

    private final Map<String, Map<String, String>> tables;
    private final Map<String, String> patterns;
    private final List<TimexRule> rules;

    private RuleSet(Map<String, Map<String, String>> tables, Map<String, String> patterns, List<TimexRule> rules) {
        this.tables = tables;
        this.patterns = patterns;
        this.rules = List.copyOf(rules);
    }

    private static final class Shared {
        static final RuleSet INSTANCE = load();
    }

    /** The rules of the resource files, loaded and compiled on first use and shared. */
    static RuleSet shared() {
        return Shared.INSTANCE;
    }

    List<TimexRule> rules() {
        return rules;
    }

    Map<String, String> table(String name) {
        return tables.getOrDefault(name, Map.of());
    }

    /** The regular expression of a named pattern, with references resolved. */
    String pattern(String name) {
        return expand(patterns.get(name), name);
    }

    static RuleSet load() {
        Map<String, Map<String, String>> tables = new HashMap<>();
        for (Map.Entry<String, List<Line>> section : sections("normalization.txt", "table ").entrySet()) {
            Map<String, String> table = new HashMap<>();
            for (Line line : section.getValue()) {
                int eq = line.text().lastIndexOf('=');
                if (eq < 0) {
                    throw line.error("expected key = value");
                }
                table.put(ValueTemplate.key(line.text().substring(0, eq)), line.text().substring(eq + 1).trim());
            }
            tables.put(section.getKey(), Map.copyOf(table));
        }
        Map<String, List<String>> alternativesByName = new HashMap<>();
        for (Map.Entry<String, List<Line>> section : sections("patterns.txt", "pattern ").entrySet()) {
            List<String> alternatives = new ArrayList<>();
            section.getValue().forEach(line -> alternatives.add(line.text()));
            alternatives.sort(Comparator.comparingInt(String::length).reversed());
            alternativesByName.put(section.getKey(), alternatives);
        }
        Map<String, String> raw = new HashMap<>();
        for (Map.Entry<String, List<String>> pattern : alternativesByName.entrySet()) {
            String guard = firstCharacters(pattern.getKey(), alternativesByName, 0);
            raw.put(pattern.getKey(), (guard == null ? "" : "(?=[" + guard + "])")
                    + "(?:" + String.join("|", pattern.getValue()) + ")");
        }
        RuleSet partial = new RuleSet(tables, raw, List.of());
        List<TimexRule> rules = new ArrayList<>();
        for (String file : RULE_FILES) {
            partial.readRules(file, rules);
        }
        return new RuleSet(tables, raw, rules);
    }

    private static final Pattern LEADING_REFERENCE = Pattern.compile("%(re[A-Za-z0-9]+)");
    private static final Pattern SIMPLE_CLASS = Pattern.compile("\\[([\\p{L}0-9-]+)\\]");

    /**
     * The characters any alternative of a pattern can start with, as the body of a character class,
     * or null if that cannot be told simply. Prefixed as a look-ahead, it lets a pattern of many
     * alternatives fail on the first character, which keeps the rules fast.
     */
    private static String firstCharacters(String name, Map<String, List<String>> patterns, int depth) {
        List<String> alternatives = patterns.get(name);
        if (alternatives == null || depth > 5) {
            return null;
        }
        StringBuilder set = new StringBuilder();
        for (String alternative : alternatives) {
            String first;
            int after;
            Matcher reference = LEADING_REFERENCE.matcher(alternative);
            Matcher simpleClass = SIMPLE_CLASS.matcher(alternative);
            if (reference.lookingAt()) {
                first = firstCharacters(reference.group(1), patterns, depth + 1);
                after = reference.end();
            } else if (simpleClass.lookingAt()) {
                first = simpleClass.group(1);
                after = simpleClass.end();
            } else if (!alternative.isEmpty() && (Character.isLetterOrDigit(alternative.charAt(0))
                    || alternative.charAt(0) == '\'')) {
                first = alternative.substring(0, 1);
                after = 1;
            } else {
                return null;
            }
            if (first == null || (after < alternative.length() && "?*{".indexOf(alternative.charAt(after)) >= 0)) {
                return null;
            }
            set.append(first);
        }
        return set.length() == 0 ? null : set.toString();
    }

    private void readRules(String file, List<TimexRule> into) {
        TemporalType defaultType = TemporalType.valueOf(
                file.substring("rules-".length(), file.indexOf('.')).toUpperCase(Locale.ROOT));
        Map<String, String> fields = null;
        Line ruleLine = null;
        for (Line line : lines(file)) {
            if (line.text().startsWith("rule ")) {
                if (fields != null) {
                    into.add(compile(ruleLine, fields, defaultType, into.size()));
                }
                fields = new LinkedHashMap<>();
                fields.put("name", line.text().substring(5).trim());
                ruleLine = line;
            } else if (fields == null) {
                throw line.error("expected 'rule <name>'");
            } else {
                String[] keyValue = line.text().split("\\s+", 2);
                if (keyValue.length < 2) {
                    throw line.error("expected '<key> <value>'");
                }
                fields.put(keyValue[0], keyValue[1].trim());
            }
        }
        if (fields != null) {
            into.add(compile(ruleLine, fields, defaultType, into.size()));
        }
    }

    private TimexRule compile(Line line, Map<String, String> fields, TemporalType defaultType, int order) {
        try {
            String name = fields.get("name");
            String extract = require(fields, "extract", line);
            TemporalType type = fields.containsKey("type") ? TemporalType.valueOf(fields.get("type")) : defaultType;
            Pattern pattern = Pattern.compile(BOUNDARY_BEFORE + "(?:" + expand(extract, name) + ")" + BOUNDARY_AFTER);
            ValueTemplate value = ValueTemplate.parse(require(fields, "value", line), tables);
            int offset = fields.containsKey("offset") ? Integer.parseInt(fields.get("offset").replaceAll("\\D", "")) : 0;
            List<String> triggers = triggers(require(fields, "trigger", line));
            for (String key : fields.keySet()) {
                if (!List.of("name", "extract", "value", "type", "offset", "trigger", "before", "before-not",
                        "after", "after-not", "confidence").contains(key)) {
                    throw line.error("unknown key '" + key + "'");
                }
            }
            return new TimexRule(name, type, pattern, value, offset,
                    context(fields.get("before"), name, true), context(fields.get("before-not"), name, true),
                    context(fields.get("after"), name, false), context(fields.get("after-not"), name, false),
                    triggers, order, confidence(fields.get("confidence")));
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
    }

    /** A rule without a {@code confidence} line is trusted this much. */
    static final double DEFAULT_CONFIDENCE = 0.8;

    private static double confidence(String value) {
        if (value == null) {
            return DEFAULT_CONFIDENCE;
        }
        double confidence = Double.parseDouble(value.trim());
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1], not " + value);
        }
        return confidence;
    }

    /**
     * The words a rule runs around: words, {@code #number}, {@code #year}, or {@code @table} for the
     * last word of every key of a normalization table; {@code *} runs the rule over the whole text.
     */
    private List<String> triggers(String spec) {
        if (spec.equals("*")) {
            return List.of();
        }
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        for (String trigger : spec.toLowerCase(Locale.ROOT).split("\\s*\\|\\s*")) {
            if (trigger.startsWith("@")) {
                Map<String, String> table = tableIgnoringCase(trigger.substring(1));
                for (String key : table.keySet()) {
                    String[] parts = key.split("[^\\p{L}0-9]+");
                    words.add(parts[parts.length - 1]);
                }
            } else {
                words.add(trigger);
            }
        }
        return List.copyOf(words);
    }

    private Map<String, String> tableIgnoringCase(String name) {
        for (Map.Entry<String, Map<String, String>> table : tables.entrySet()) {
            if (table.getKey().equalsIgnoreCase(name)) {
                return table.getValue();
            }
        }
        throw new IllegalArgumentException("unknown table @" + name);
    }

    private Pattern context(String regex, String rule, boolean before) {
        if (regex == null) {
            return null;
        }
        String expanded = expand(regex, rule);
        return Pattern.compile(before ? "(?:" + expanded + ")$" : "(?:" + expanded + ")");
    }

    private String expand(String regex, String context) {
        if (regex == null) {
            throw new IllegalArgumentException("no pattern " + context);
        }
        Matcher m = REFERENCE.matcher(regex);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String referenced = patterns.get(m.group(1));
            if (referenced == null) {
                throw new IllegalArgumentException("unknown pattern %" + m.group(1) + " in " + context);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(expand(referenced, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String require(Map<String, String> fields, String key, Line line) {
        String value = fields.get(key);
        if (value == null) {
            throw line.error("rule without '" + key + "'");
        }
        return value;
    }

    private record Line(String file, int number, String text) {
        IllegalStateException error(String message) {
            return new IllegalStateException(ROOT + file + ":" + number + ": " + message + " [" + text + "]");
        }
    }

    private static Map<String, List<Line>> sections(String file, String header) {
        Map<String, List<Line>> sections = new LinkedHashMap<>();
        List<Line> current = null;
        for (Line line : lines(file)) {
            String text = line.text();
            if (text.startsWith(header)) {
                current = new ArrayList<>();
                sections.put(text.substring(header.length()).trim(), current);
            } else if (current == null) {
                throw line.error("expected '" + header + "<name>'");
            } else {
                current.add(line);
            }
        }
        return sections;
    }

    private static List<Line> lines(String file) {
        InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IllegalStateException("missing resource " + ROOT + file);
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                String trimmed = text.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(new Line(file, number, trimmed));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
