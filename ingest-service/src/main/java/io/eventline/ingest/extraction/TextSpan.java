package io.eventline.ingest.extraction;

/**
 * A half-open character range {@code [start, end)} of the normalized article text.
 *
 * @param start offset of the first character
 * @param end   offset just after the last character
 */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean overlaps(TextSpan other) {
        return start < other.end && other.start < end;
    }

    public int length() {
        return end - start;
    }
}
