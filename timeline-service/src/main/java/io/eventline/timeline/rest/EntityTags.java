package io.eventline.timeline.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong ETags for the timeline's reads, computed without reading what they tag, so that a poller's
 * {@code If-None-Match} is answered 304 after one index probe (the saved timelines' list, a small
 * table, is tagged from the page read):
 *
 * <ul>
 *   <li>a list: the latest change log sequence number and a digest of the normalized query (filter,
 *       cursor, limit). Every change to an event (and so to any list) appends to the log;
 *   <li>an event: its id and version, bumped at every re-derivation.
 * </ul>
 *
 * Responses say {@code Cache-Control: no-cache}: caches may keep them but must revalidate each time.
 */
final class EntityTags {

    /** Changes when the representation itself changes shape, so tags of older deployments never match. */
    private static final String FORMAT = "2";

    private EntityTags() {
    }

    static EntityTag ofList(long latestChange, String normalizedQuery) {
        return new EntityTag("l" + FORMAT + "-" + latestChange + "-" + digest(normalizedQuery));
    }

    static EntityTag ofEvent(long id, long version) {
        return new EntityTag("e" + FORMAT + "-" + id + "-" + version);
    }

    /** The saved timelines' list: a digest of the page as read (query, ids and versions, total). */
    static EntityTag ofTimelines(String page) {
        return new EntityTag("s" + FORMAT + "-" + digest(page));
    }

    static EntityTag ofTimeline(long id, long version) {
        return new EntityTag("t" + FORMAT + "-" + id + "-" + version);
    }

    /** Whether an {@code If-None-Match} value names this tag (weak comparison, as RFC 9110 asks for it). */
    static boolean matches(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + current.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    static CacheControl revalidate() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoCache(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }

    static Response notModified(EntityTag tag) {
        return Response.notModified(tag).cacheControl(revalidate()).build();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
