package io.eventline.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The position after the last event of a page: that event's sort key (start, end, first reported,
 * id), bound to the filter of the query that issued it, and the {@link Total} counted for the first
 * page, which the following pages repeat rather than count again. Pages are cut by the key rather than an
 * offset, so events added or removed while a client pages through neither repeat nor shift the
 * following pages. Clients see it only as an opaque string.
 *
 * <p>Strictly validated: a check digest over the content rejects edited or truncated cursors, and a
 * cursor used with another filter than its own is rejected rather than silently paging a different
 * list. (The digest is not a secret MAC: a forged cursor can only position a client in a list it may
 * read anyway.)
 */
public record TimelineCursor(LocalDate start, LocalDate end, Instant firstReportedAt, long id, String filterDigest,
                             Total total) {

    // A version prefix lets the format change later without misreading cursors already handed out.
    private static final String FORMAT = "v3";
    /** The format before the total was carried: still read (its pages count their total again). */
    private static final String FORMAT_WITHOUT_TOTAL = "v2";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_ENCODED_LENGTH = 256;

    public TimelineCursor {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(firstReportedAt, "firstReportedAt");
        Objects.requireNonNull(filterDigest, "filterDigest");
    }

    /** The position after the event with this sort key (start, end, first reported, id), in {@code filter}'s list. */
    public static TimelineCursor after(LocalDate start, LocalDate end, Instant firstReportedAt, long id, EventFilter filter,
                                       Total total) {
        return new TimelineCursor(start, end, firstReportedAt, id, digestOf(filter), total);
    }

    /** Whether this cursor was issued for this filter. */
    public boolean belongsTo(EventFilter filter) {
        return filterDigest.equals(digestOf(filter));
    }

    public String encode() {
        String content = content();
        return ENCODER.encodeToString((content + "|" + check(content)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when {@code encoded} is not a cursor this service issued
     */
    public static TimelineCursor decode(String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("too long");
        }
        String text;
        try {
            text = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64url", e);
        }
        int lastBar = text.lastIndexOf('|');
        if (lastBar < 0 || !text.substring(lastBar + 1).equals(check(text.substring(0, lastBar)))) {
            throw new IllegalArgumentException("check digest does not match");
        }
        String[] parts = text.substring(0, lastBar).split("\\|", -1);
        boolean withTotal = parts.length == 8 && FORMAT.equals(parts[0]);
        if (!withTotal && !(parts.length == 6 && FORMAT_WITHOUT_TOTAL.equals(parts[0]))) {
            throw new IllegalArgumentException("unknown cursor format");
        }
        try {
            Total total = withTotal ? new Total(Long.parseLong(parts[6]), parseExact(parts[7])) : null;
            TimelineCursor cursor = new TimelineCursor(LocalDate.parse(parts[1]), LocalDate.parse(parts[2]),
                    Instant.parse(parts[3]), Long.parseLong(parts[4]), parts[5], total);
            if (cursor.end.isBefore(cursor.start) || !EventDate.holds(cursor.start) || !EventDate.holds(cursor.end)
                    || cursor.id <= 0 || (total != null && total.value() < 0)) {
                throw new IllegalArgumentException("impossible position");
            }
            return cursor;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
    }

    private static boolean parseExact(String value) {
        return switch (value) {
            case "e" -> true;
            case "m" -> false;
            default -> throw new IllegalArgumentException("malformed total");
        };
    }

    private String content() {
        String position = start + "|" + end + "|" + firstReportedAt + "|" + id + "|" + filterDigest;
        return total == null ? FORMAT_WITHOUT_TOTAL + "|" + position
                : FORMAT + "|" + position + "|" + total.value() + "|" + (total.exact() ? "e" : "m");
    }

    static String digestOf(EventFilter filter) {
        return sha256Hex(filter.canonical()).substring(0, 16);
    }

    private static String check(String content) {
        return sha256Hex("eventline timeline cursor|" + content).substring(0, 16);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
