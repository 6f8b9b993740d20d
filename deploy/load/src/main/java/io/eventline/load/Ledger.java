package io.eventline.load;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the newsroom was told, per article: of all the {@code 202} answers an article got (versions
 * and retractions), the one with the highest version is what the timeline must end up showing, since
 * timeline-service applies a message only if its version is greater than the one it holds.
 * An article whose last request got no {@code 202} (after every retry) is unresolved: its state is
 * not known (a {@code 503} means "not known to be published", not "not published").
 */
final class Ledger {

    /** The answer with the highest version: a version with its events count and title, or a retraction. */
    record Expected(long version, boolean retracted, int events, String title) {
    }

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final Set<String> unresolved = ConcurrentHashMap.newKeySet();

    /** A {@code 202} to {@code POST /api/v1/articles}: {@code events} dated events in version {@code version}. */
    void accepted(String articleId, long version, int events, String title) {
        record(articleId, new Expected(version, false, events, title));
    }

    /** A {@code 202} to {@code DELETE /api/v1/articles/{id}}. */
    void retracted(String articleId, long version) {
        record(articleId, new Expected(version, true, 0, null));
    }

    private void record(String articleId, Expected answer) {
        expected.merge(articleId, answer, (held, next) -> next.version() > held.version() ? next : held);
        unresolved.remove(articleId);
    }

    /** Every retry of a request for this article was refused: what the timeline shows of it is unknown. */
    void gaveUp(String articleId) {
        unresolved.add(articleId);
    }

    Map<String, Expected> expected() {
        return Map.copyOf(expected);
    }

    Set<String> unresolved() {
        return Set.copyOf(unresolved);
    }
}
