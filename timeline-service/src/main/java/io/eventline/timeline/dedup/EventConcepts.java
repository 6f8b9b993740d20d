package io.eventline.timeline.dedup;

import java.util.Set;

/**
 * What kind of happening a report is about (a designation, a withdrawal, an earthquake, tariffs taking
 * effect), read from its trigger words with the hand-written table {@code event-concepts.txt} next to
 * this class. The table is data: a concept and the word forms that signal it; the format is described
 * at the top of the file and in {@link PhraseTable}, which also says why triggers in background
 * clauses ("after Gobert tested positive") do not count. A report can have several concepts ("signed
 * an order to withdraw" is an order and a withdrawal), or none when no trigger is in the table, in
 * which case the judge leans on the other evidence.
 */
final class EventConcepts {

    static final String RESOURCE = "event-concepts.txt";
    private static final PhraseTable TABLE = PhraseTable.load(RESOURCE);

    private EventConcepts() {
    }

    /** The concepts whose triggers occur in {@code text} outside background clauses. */
    static Set<String> of(String text) {
        return of(PhraseTable.Clauses.of(text));
    }

    static Set<String> of(PhraseTable.Clauses text) {
        return TABLE.labelsIn(text);
    }
}
