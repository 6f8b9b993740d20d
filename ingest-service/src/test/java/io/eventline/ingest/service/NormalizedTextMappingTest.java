package io.eventline.ingest.service;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style tests of the offset map: for many generated bodies (plain text and HTML, with
 * every kind of character the normalizer rewrites), every normalized character maps inside the
 * original, the map never goes backwards, and characters the normalizer keeps map to themselves.
 */
class NormalizedTextMappingTest {

    private static final String WSWS_FOOTER = "(?is)To contact the WSWS.{0,300}?wsws[.]org/contact";
    private final ArticleTextNormalizer normalizer = new ArticleTextNormalizer(WSWS_FOOTER);

    @Test
    void shouldMapEveryNormalizedCharacterInsideTheOriginalInOrder() {
        Random random = new Random(20250220);
        for (int run = 0; run < 2_000; run++) {
            boolean html = run % 2 == 1;
            String body = GeneratedBodies.generate(random, html, 25);

            NormalizedText normalized = normalizer.normalize(body);

            assertMapsInsideInOrder(body, normalized);
            assertThat(normalized.text()).as("same text as normalizeBody for %s", body)
                    .isEqualTo(normalizer.normalizeBody(body));
            if (!html) {
                assertKeptCharactersMapToThemselves(body, normalized);
            }
        }
    }

    @Test
    void shouldMapASpanBackToTheWordsAsSubmitted() {
        String body = "\n\nHeadline\n\n\u201CWe reject\u201D\u00A0it,  she said on\u00A0February 3.\n\n"
                + "Trump\u2019s order \u2014 in 1846 \u2014 was\n\nsigned.";
        NormalizedText normalized = normalizer.normalize(body);

        assertThat(normalized.text()).isEqualTo(
                "Headline\n\n\"We reject\" it, she said on February 3.\n\nTrump's order -- in 1846 -- was signed.");
        assertThat(originalOf(normalized, "said on February 3")).isEqualTo("said on\u00A0February 3");
        assertThat(originalOf(normalized, "\"We reject\"")).isEqualTo("\u201CWe reject\u201D");
        assertThat(originalOf(normalized, "Trump's")).isEqualTo("Trump\u2019s");
        assertThat(originalOf(normalized, "-- in 1846 --")).isEqualTo("\u2014 in 1846 \u2014");
        assertThat(originalOf(normalized, "was signed.")).isEqualTo("was\n\nsigned.");
    }

    @Test
    void shouldMapHtmlTextBackIntoTheMarkup() {
        String body = "<html><body><h1>Cartels &amp; drones</h1><p>On <b>February&nbsp;3</b>, Washington\n   agreed."
                + "</p><script>track()</script><p>In 1846 the war began.</p></body></html>";
        NormalizedText normalized = normalizer.normalize(body);

        assertThat(normalized.text()).isEqualTo("Cartels & drones\n\nOn February 3, Washington agreed.\n\nIn 1846 the war began.");
        assertThat(originalOf(normalized, "Cartels & drones")).isEqualTo("Cartels &amp; drones");
        assertThat(originalOf(normalized, "February 3")).isEqualTo("February&nbsp;3");
        assertThat(originalOf(normalized, "Washington agreed")).isEqualTo("Washington\n   agreed");
        assertThat(originalOf(normalized, "1846")).isEqualTo("1846");
    }

    @Test
    void shouldComposeCombiningMarksWithoutLosingTheMap() {
        String body = "Cafe\u0301 in Mexico on February 3.";
        NormalizedText normalized = normalizer.normalize(body);

        assertThat(normalized.text()).isEqualTo("Caf\u00E9 in Mexico on February 3.");
        assertThat(originalOf(normalized, "Caf\u00E9")).isEqualTo("Cafe\u0301");
        assertThat(originalOf(normalized, "Mexico")).isEqualTo("Mexico");
    }

    private static String originalOf(NormalizedText normalized, String normalizedPart) {
        int start = normalized.text().indexOf(normalizedPart);
        assertThat(start).as("%s in %s", normalizedPart, normalized.text()).isNotNegative();
        return normalized.original().substring(normalized.originalOffset(start),
                normalized.originalEnd(start + normalizedPart.length()));
    }

    private static void assertMapsInsideInOrder(String body, NormalizedText normalized) {
        int previousStart = 0;
        int previousEnd = 0;
        for (int i = 0; i < normalized.text().length(); i++) {
            int start = normalized.originalOffset(i);
            int end = normalized.originalEnd(i + 1);
            assertThat(start).as("start of %d in %s", i, body).isBetween(0, body.length());
            assertThat(end).as("end of %d in %s", i, body).isBetween(start, body.length());
            assertThat(start).as("order at %d in %s", i, body).isGreaterThanOrEqualTo(previousStart);
            assertThat(end).as("order at %d in %s", i, body).isGreaterThanOrEqualTo(previousEnd);
            previousStart = start;
            previousEnd = end;
        }
        assertThat(normalized.originalOffset(normalized.text().length())).isBetween(0, body.length());
    }

    private static void assertKeptCharactersMapToThemselves(String body, NormalizedText normalized) {
        for (int i = 0; i < normalized.text().length(); i++) {
            char c = normalized.text().charAt(i);
            int start = normalized.originalOffset(i);
            boolean oneToOne = normalized.originalEnd(i + 1) - start == 1;
            if (Character.isLetterOrDigit(c) && oneToOne) {
                assertThat(body.charAt(start)).as("character %d of %s", i, normalized.text()).isEqualTo(c);
            }
        }
    }
}
