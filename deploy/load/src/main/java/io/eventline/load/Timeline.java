package io.eventline.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The timeline as a dashboard reads it through the gateway, for the fault scenarios' reconciliations. */
final class Timeline {

    private final Gateway gateway;
    private final String key;

    Timeline(Gateway gateway, String key) {
        this.gateway = gateway;
        this.key = key;
    }

    /**
     * Reads every event that has a report of {@code outlet} ({@code GET /api/v1/events?source=}, all pages)
     * and reconciles the ledger's articles with them; null if a page was not answered {@code 200}.
     */
    Reconciliation reconcile(String outlet, Map<String, Ledger.Expected> expected, Set<String> unresolved) {
        Reconciliation.Tally tally = new Reconciliation.Tally(expected);
        String base = "/api/v1/events?limit=500&source=" + URLEncoder.encode(outlet, StandardCharsets.UTF_8);
        String cursor = null;
        do {
            Gateway.Answer answer = gateway.get(base + (cursor == null ? "" : "&cursor=" + cursor), key, null).join();
            if (answer.status() != 200) {
                return null;
            }
            JsonNode page = answer.json();
            page.path("events").forEach(tally::event);
            JsonNode next = page.path("next");
            cursor = next.isTextual() ? URLEncoder.encode(next.asText(), StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        return tally.result(unresolved);
    }
}
