package io.eventline.timeline.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.timeline.mapping.TimelinePage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The latest pages of timelines as sent, by their strong ETag and request URI. Dashboards watching
 * one timeline all ask for its first page again after every change anywhere (a list's tag is the
 * latest change and the query): without this, each of them read and rendered the same page, which
 * under the load driver's 100 dashboards was a fifth of timeline-service's CPU. A strong tag names
 * one representation, and the request URI fixes the rest of the body (its next link), so the first
 * of them renders it and the others are sent the same bytes. Bounded in pages and bytes: only the
 * current pages of the most polled timelines are worth keeping; a tag that is not current any more
 * is never asked for again and ages out.
 */
@ApplicationScoped
class RenderedPages {

    static final int MAX_PAGES = 64;
    static final long MAX_BYTES = 8L << 20;

    /** A page's JSON body and its next page's link (null on the last page). */
    record Page(byte[] body, String nextLink) {
    }

    private final ObjectMapper json;
    private final Map<String, Page> pages = new LinkedHashMap<>(MAX_PAGES, 0.75f, true);
    private long bytes;

    RenderedPages(ObjectMapper json) {
        this.json = json;
    }

    /** The page sent for this tag and URI, rendered by {@code render} if it is not kept. */
    Page get(String tag, String requestUri, Supplier<TimelinePage> render) {
        String key = tag + " " + requestUri;
        synchronized (this) {
            Page kept = pages.get(key);
            if (kept != null) {
                return kept;
            }
        }
        TimelinePage page = render.get();
        Page rendered;
        try {
            rendered = new Page(json.writeValueAsBytes(page), page.nextLink());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a timeline page could not be written as JSON", e);
        }
        keep(key, rendered);
        return rendered;
    }

    private synchronized void keep(String key, Page page) {
        Page replaced = pages.put(key, page);
        bytes += page.body().length - (replaced == null ? 0 : replaced.body().length);
        Iterator<Page> eldest = pages.values().iterator();
        while ((pages.size() > MAX_PAGES || bytes > MAX_BYTES) && eldest.hasNext()) {
            bytes -= eldest.next().body().length;
            eldest.remove();
        }
    }
}
