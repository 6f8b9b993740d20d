package io.eventline.timeline;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * The position after the last event of a page: that event's sort key (start, end, id). Pages are
 * cut by the key rather than an offset, so events added or removed while a client pages through
 * neither repeat nor shift the following pages. Clients see it only as an opaque string.
 */
public record TimelineCursor(LocalDate start, LocalDate end, long id) {

    // A version prefix lets the format change later without misreading cursors already handed out.
    private static final String FORMAT = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public TimelineCursor {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static TimelineCursor after(Event event) {
        return new TimelineCursor(event.date.start, event.date.end, event.id);
    }

    public String encode() {
        String key = FORMAT + "|" + start + "|" + end + "|" + id;
        return ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when {@code encoded} is not a cursor this service issued
     */
    public static TimelineCursor decode(String encoded) {
        String key;
        try {
            key = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64url", e);
        }
        String[] parts = key.split("\\|", -1);
        if (parts.length != 4 || !FORMAT.equals(parts[0])) {
            throw new IllegalArgumentException("unknown cursor format");
        }
        try {
            return new TimelineCursor(LocalDate.parse(parts[1]), LocalDate.parse(parts[2]), Long.parseLong(parts[3]));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
    }
}
