package io.eventline.timeline.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What kind of happening a report is about (a designation, a withdrawal, an earthquake, tariffs taking
 * effect), read from its trigger words with the hand-written table {@code event-concepts.txt} next to
 * this class. The table is data: a concept and the word forms that signal it; the format is described
 * at the top of the file. A report can have several concepts ("signed an order to withdraw" is an
 * order and a withdrawal), or none when no trigger is in the table, in which case the judge leans on
 * the other evidence.
 */
final class EventConcepts {

    static final String RESOURCE = "event-concepts.txt";
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9*]+");

    /** One trigger: a sequence of word patterns ("pull*", "*", "out"). */
    private record Trigger(String concept, String[] words) {

        boolean matchesAt(String[] tokens, int start) {
            if (start + words.length > tokens.length) {
                return false;
            }
            for (int i = 0; i < words.length; i++) {
                if (!matches(words[i], tokens[start + i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean matches(String pattern, String token) {
            if (pattern.equals("*")) {
                return true;
            }
            if (pattern.endsWith("*")) {
                return token.startsWith(pattern.substring(0, pattern.length() - 1));
            }
            return pattern.equals(token);
        }
    }

    private static final List<Trigger> TRIGGERS = load();
    /** The triggers by their first word, when it is a plain word form: most of the table. */
    private static final Map<String, List<Trigger>> BY_FIRST_WORD = new HashMap<>();
    /** The triggers whose first word has a wildcard ending ("designat*"). */
    private static final List<Trigger> WILDCARD_FIRST = new ArrayList<>();

    static {
        for (Trigger trigger : TRIGGERS) {
            String first = trigger.words()[0];
            if (first.endsWith("*")) {
                WILDCARD_FIRST.add(trigger);
            } else {
                BY_FIRST_WORD.computeIfAbsent(first, w -> new ArrayList<>()).add(trigger);
            }
        }
    }

    private EventConcepts() {
    }

    /** The concepts whose triggers occur in {@code text}. */
    static Set<String> of(String text) {
        String[] tokens = tokens(text);
        Set<String> concepts = new TreeSet<>();
        for (int start = 0; start < tokens.length; start++) {
            for (Trigger trigger : BY_FIRST_WORD.getOrDefault(tokens[start], List.of())) {
                if (trigger.matchesAt(tokens, start)) {
                    concepts.add(trigger.concept());
                }
            }
            for (Trigger trigger : WILDCARD_FIRST) {
                if (trigger.matchesAt(tokens, start)) {
                    concepts.add(trigger.concept());
                }
            }
        }
        return concepts;
    }

    private static String[] tokens(String text) {
        String lower = ContentWords.undotAbbreviations(text).toLowerCase(Locale.ROOT).replace('*', ' ');
        return NON_WORD.matcher(lower).replaceAll(" ").trim().split(" ");
    }

    private static List<Trigger> load() {
        List<Trigger> triggers = new ArrayList<>();
        try (InputStream in = EventConcepts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String rule = line.strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                int equals = rule.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected 'concept = trigger, ...'");
                }
                String concept = rule.substring(0, equals).strip();
                for (String trigger : rule.substring(equals + 1).split(",")) {
                    String words = NON_WORD.matcher(trigger.strip().toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
                    if (words.isEmpty()) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": empty trigger");
                    }
                    triggers.add(new Trigger(concept, words.split(" ")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(triggers);
    }
}
