package io.eventline.timeline;

/**
 * How many events match a filter, counted up to a cap: a count costs in proportion to what it counts,
 * so a broad filter's is stopped at the cap and said to be a lower bound ("10,000 or more").
 *
 * @param value the number of matching events, or the cap when there are more
 * @param exact whether {@code value} is the exact number (false: there are more than {@code value})
 */
public record Total(long value, boolean exact) {

    /** The total of a count that stopped at {@code cap + 1} rows. */
    public static Total counted(long upToCapPlusOne, int cap) {
        return upToCapPlusOne > cap ? new Total(cap, false) : new Total(upToCapPlusOne, true);
    }
}
