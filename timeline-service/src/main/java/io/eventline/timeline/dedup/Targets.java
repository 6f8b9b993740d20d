package io.eventline.timeline.dedup;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a happening is done to, per event concept: the words after a marker of the hand-written table
 * {@code targets.txt} ("withdraw from <the Paris climate agreement>", "pull the US out of <the WHO>"),
 * as comparable keys: the stems of the words, a word in capitals as it is ("WHO"), and the initials of
 * the capitalized words ("World Health Organization" gives "who" too). Two reports of one kind of
 * happening whose targets share no key are two happenings.
 */
final class Targets {

    static final String RESOURCE = "targets.txt";
    private static final PhraseTable TABLE = PhraseTable.load(RESOURCE);
    /** The most words of a target: its head and a few modifiers, not the rest of the clause. */
    static final int MAX_WORDS = 4;
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "its", "their", "his", "her");

    private Targets() {
    }

    /** The target keys of the concepts of {@code text} that have one. */
    static Map<String, Set<String>> of(String text, Set<String> concepts) {
        return of(PhraseTable.Clauses.of(text), concepts);
    }

    static Map<String, Set<String>> of(PhraseTable.Clauses text, Set<String> concepts) {
        Map<String, Set<String>> targets = new HashMap<>();
        TABLE.wordsAfter(text).forEach((concept, words) -> {
            if (concepts.contains(concept)) {
                Set<String> keys = keys(words);
                if (!keys.isEmpty()) {
                    targets.put(concept, Set.copyOf(keys));
                }
            }
        });
        return Map.copyOf(targets);
    }

    static Set<String> keys(List<String> words) {
        Set<String> keys = new LinkedHashSet<>();
        StringBuilder initials = new StringBuilder();
        int taken = 0;
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (taken == 0 && ARTICLES.contains(lower)) {
                continue;
            }
            boolean capitals = word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT)) && Character.isLetter(word.charAt(0));
            Set<String> stems = ContentWords.stems(word);
            if (!capitals && stems.isEmpty() || taken == MAX_WORDS) {
                break; // a function word ends the target
            }
            keys.add(capitals ? lower : stems.iterator().next());
            if (Character.isUpperCase(word.charAt(0))) {
                initials.append(Character.toLowerCase(word.charAt(0)));
            }
            taken++;
        }
        if (initials.length() >= 2) {
            keys.add(initials.toString());
        }
        return keys;
    }
}
