package io.eventline.ingest.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid articles for tests, each with a fresh id so tests sharing the topic don't see each other. */
final class Articles {

    static final String BODY = """

            Trump administration labels cartels as foreign terrorist organizations

            Andrea Lobo
            20 February 2025

            The expansion of drone surveillance has intensified, especially after the FTO executive order in January.

            On February 3, Washington agreed to suspend 25 percent trade tariffs against Canada and Mexico for 30 days \
            in return for concessions, including the deployment of 10,000 troops by both countries to the

            borders with the United States.

            To contact the WSWS and the
            Socialist Equality Party visit:

            wsws.org/contact
            """;

    private Articles() {
    }

    static String newId() {
        return "test-" + UUID.randomUUID();
    }

    /** A valid article; change or remove fields of the returned map to make it invalid. */
    static Map<String, Object> valid(String id) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", id);
        article.put("url", "https://www.wsws.org/en/articles/2025/02/20/cart-f20.html");
        article.put("title", "Trump administration labels cartels as foreign terrorist organizations");
        article.put("body", BODY);
        article.put("publishedAt", "2025-02-20T10:00:00+01:00");
        article.put("source", "World Socialist Web Site");
        article.put("authors", List.of("Andrea Lobo"));
        article.put("language", "en");
        return article;
    }
}
