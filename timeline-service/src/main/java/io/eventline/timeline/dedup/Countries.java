package io.eventline.timeline.dedup;

import java.util.Set;
import java.util.TreeSet;

/**
 * The countries a report names in its main clause, by name, demonym or capital ("Mexican goods",
 * "Beijing hit back"), read with the hand-written table {@code countries.txt} next to this class
 * ({@link PhraseTable}). They tell apart two happenings of one kind on one day that differ in the
 * country they concern: tariffs paused for Mexico and for Canada.
 */
final class Countries {

    static final String RESOURCE = "countries.txt";
    /** The label of the phrases that contain a country's word but name no country ("New Mexico"). */
    static final String NONE = "none";
    private static final PhraseTable TABLE = PhraseTable.load(RESOURCE);

    private Countries() {
    }

    static Set<String> of(String text) {
        return of(PhraseTable.Clauses.of(text));
    }

    static Set<String> of(PhraseTable.Clauses text) {
        Set<String> countries = new TreeSet<>(TABLE.labelsIn(text));
        countries.remove(NONE);
        return countries;
    }
}
