package io.eventline.ingest.evaluation;

/**
 * A gold TIMEX3 of a TimeML document, with its offsets into the document's text (the content of
 * {@code <TEXT>} with all tags removed and entities resolved).
 *
 * @param start offset of its first character
 * @param end   offset just after its last character
 * @param text  the annotated characters
 * @param type  the TimeML type as annotated ({@code DATE}, {@code TIME}, {@code DURATION}, {@code SET})
 * @param value the TimeML value as annotated (WikiWars has some {@code null} values)
 */
public record GoldTimex(int start, int end, String text, String type, String value) {
}
