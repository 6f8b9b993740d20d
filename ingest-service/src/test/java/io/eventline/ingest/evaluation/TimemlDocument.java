package io.eventline.ingest.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * One annotated document of a TimeML corpus.
 *
 * @param name         the file name, to point at a document in the error listing
 * @param part         the sub-corpus (folder) it belongs to, e.g. {@code TimeBank}
 * @param creationDate the document creation time (DCT), the anchor for relative expressions
 * @param text         the content of {@code <TEXT>} with all tags removed: what the tagger reads
 * @param gold         the gold TIMEX3 inside {@code <TEXT>}, in text order (the DCT is never scored)
 */
public record TimemlDocument(String name, String part, LocalDate creationDate, String text, List<GoldTimex> gold) {

    public TimemlDocument {
        gold = List.copyOf(gold);
    }
}
