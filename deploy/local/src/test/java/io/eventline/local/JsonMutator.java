package io.eventline.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid JSON body into a hostile one, every choice drawn from one {@link Random} so a seed
 * replays the same bodies: fields removed, added, or given another type, lengths at and past the
 * limits, awkward unicode, numbers at the limits, impossible dates, deep nesting; and, now and then,
 * bytes broken after serialization (truncated, invalid UTF-8, NUL).
 */
final class JsonMutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Jackson writes at most 1,000 levels by default; the fuzzer sends up to 3,000. */
    private static final ObjectMapper DEEP_WRITER = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build()).build());

    /** Strings a field may get: limits, unicode, markup, SQL, dates of every shape. */
    static final List<String> STRINGS = List.of(
            "", " ", "a", "\t\n", "null", "true", "0", "-1",
            "日本語のテキスト", "🙂🙃👩‍👩‍👧", "\u202Eevil\u202C", "e\u0301\u0301\u0301", "\uFEFFbom", "zero\u200Bwidth",
            "nul\u0000byte", "bell\u0007", "\u001F\u007F\u0085", "\uD800lone", "\uDC00lone", "\uFFFF\uFFFE",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE event; --", "\" OR 1=1 --",
            "%", "_", "\\", "%00", "%s%n%x", "${jndi:ldap://x/a}", "{{7*7}}", "../../../etc/passwd", "/api/v1/../q/metrics",
            "0000-01-01", "99999-12-31", "+99999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
            "2025-02-30", "2025-13-01", "2025-02-20T25:61:00Z", "2025-02-20T10:00:00Z", "2025-02-20", "2025", "2025-02",
            "2999-01-01T00:00:00+18:00", "1970-01-01T00:00:00-18:00", "+999999999-12-31T23:59:59.999999999Z", "2025-W07",
            "P1D", "1846", "12/31/2025", "https://news.example/a", "javascript:alert(1)", "http://", "ftp://x/y",
            "en", "en-GB", "xx-YYYYYYYYY", "day", "century", "fortnight", "csv", "ical", "timelinejs");

    private static final List<String> FIELD_NAMES = List.of("id", "url", "title", "body", "publishedAt", "source",
            "authors", "language", "text", "name", "entities", "words", "from", "to", "sources", "version", "events",
            "__proto__", "constructor", "", "\u0000", "日本", "a".repeat(300));

    private final Random random;

    JsonMutator(Random random) {
        this.random = random;
    }

    /** A mutated copy of {@code valid} (1 to 4 mutations). */
    ObjectNode mutate(ObjectNode valid) {
        ObjectNode body = valid.deepCopy();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() ? pick(FIELD_NAMES) : fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(6)) {
                case 0 -> body.remove(field);
                case 1 -> body.set(pick(FIELD_NAMES), value(3));
                case 2 -> body.set(field, value(3));
                case 3 -> body.put(field, string());
                case 4 -> body.set(field, nested(1 + random.nextInt(random.nextBoolean() ? 50 : 3000)));
                default -> body.set(field, list());
            }
        }
        return body;
    }

    /** The body's bytes, now and then broken after serialization. */
    byte[] serialize(JsonNode body) {
        byte[] bytes;
        try {
            // Escaping non-ASCII is the only way Jackson writes a lone surrogate; half the time, raw UTF-8.
            bytes = random.nextBoolean()
                    ? DEEP_WRITER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(body)
                    : DEEP_WRITER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return random.nextInt(8) == 0 ? breakBytes(bytes) : bytes;
    }

    byte[] breakBytes(byte[] bytes) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(5)) {
            case 0 -> out.write(bytes, 0, at); // truncated
            case 1 -> {
                out.write(bytes, 0, at);
                out.writeBytes(pick(List.of(new byte[] {0}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})));
                out.write(bytes, at, bytes.length - at);
            }
            case 2 -> out.writeBytes(("12/31/2025/".repeat(1 + random.nextInt(random.nextBoolean() ? 100 : 95_000)))
                    .getBytes(StandardCharsets.US_ASCII)); // digits and slashes, up to about 1 MB
            case 3 -> {
                out.writeBytes(bytes);
                out.writeBytes(pick(List.of("}", "]", ",", "{}", " trailing")).getBytes(StandardCharsets.US_ASCII));
            }
            default -> {
                byte[] flipped = bytes.clone(); // one byte replaced by any other
                if (flipped.length > 0) {
                    flipped[at] = (byte) random.nextInt(256);
                }
                return flipped;
            }
        }
        return out.toByteArray();
    }

    /** Any JSON value, containers at most {@code depth} deep. */
    JsonNode value(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2, 3 -> number();
            case 4, 5 -> NODES.textNode(string());
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(FIELD_NAMES), value(depth - 1));
                }
                yield object;
            }
        };
    }

    JsonNode number() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.numberNode(0);
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(Integer.MAX_VALUE);
            case 3 -> NODES.numberNode(Long.MIN_VALUE);
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5 -> NODES.numberNode(1e308);
            case 6 -> NODES.numberNode(-0.0);
            case 7 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(1200))));
            case 8 -> NODES.numberNode(new BigDecimal("1e-" + random.nextInt(100_000)));
            default -> NODES.numberNode(random.nextInt(1000));
        };
    }

    String string() {
        return switch (random.nextInt(6)) {
            case 0 -> "x".repeat(pick(List.of(199, 200, 201, 2_000, 2_001, 10_000, 100_000)));
            case 1 -> pick(STRINGS).repeat(1 + random.nextInt(50));
            case 2 -> randomText(1 + random.nextInt(300));
            default -> pick(STRINGS);
        };
    }

    /** {@code length} characters from anywhere in the BMP, surrogates and controls included. */
    String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    ArrayNode list() {
        ArrayNode list = NODES.arrayNode();
        int size = pick(List.of(0, 1, 20, 21, 500, 10_000));
        for (int i = 0; i < size; i++) {
            list.add(random.nextInt(10) == 0 ? value(1) : NODES.textNode(i % 7 == 0 ? string() : "e" + i));
        }
        return list;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
