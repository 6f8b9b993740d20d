package io.eventline.ingest.service;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class ArticleTextNormalizerTest {

    private static final String WSWS_FOOTER = "(?is)To contact the WSWS.{0,300}?wsws[.]org/contact";

    private final ArticleTextNormalizer normalizer = new ArticleTextNormalizer(WSWS_FOOTER);

    @Test
    void shouldJoinASentenceSplitByAStrayPageBreak() {
        String body = "US law prohibits granting asylum to them, regardless of the\n\ncircumstances. Migrants are affected.";

        assertThat(normalizer.normalizeBody(body))
                .isEqualTo("US law prohibits granting asylum to them, regardless of the circumstances. Migrants are affected.");
    }

    @Test
    void shouldJoinASentenceSplitBeforeAProperNounAfterAnArticle() {
        String body = "comparable to the measures taken by Hitler toward Austria and the\n\nSudetenland in preparation for war.";

        assertThat(normalizer.normalizeBody(body)).isEqualTo(
                "comparable to the measures taken by Hitler toward Austria and the Sudetenland in preparation for war.");
    }

    @Test
    void shouldKeepRealParagraphsApart() {
        String body = "\n\nA headline about Mexico\n\nAndrea Lobo\n20 February 2025\n\nThe first paragraph ends here.\n\n\n\n"
                + "The second one starts here.\n\nAs Trotsky wrote:\n\nbut everything that brings the masses";

        assertThat(normalizer.normalizeBody(body)).isEqualTo("A headline about Mexico\n\nAndrea Lobo\n20 February 2025\n\n"
                + "The first paragraph ends here.\n\nThe second one starts here.\n\nAs Trotsky wrote:\n\n"
                + "but everything that brings the masses");
    }

    @Test
    void shouldDropTheSiteFooter() {
        String body = "Only a unified movement can stop it.\n\n\n\nTo contact the WSWS and the\n"
                + "Socialist Equality Party visit:\n\nwsws.org/contact\n";

        assertThat(normalizer.normalizeBody(body)).isEqualTo("Only a unified movement can stop it.");
    }

    @Test
    void shouldTurnHtmlIntoParagraphsOfText() {
        String body = "<html><head><style>p{}</style></head><body><h1>Cartels &amp; drones</h1>"
                + "<p>On <b>February 3</b>, Washington\n   agreed.</p><script>track()</script>"
                + "<p>Line one<br>line two</p><footer>© 2025 WSWS</footer></body></html>";

        assertThat(normalizer.normalizeBody(body))
                .isEqualTo("Cartels & drones\n\nOn February 3, Washington agreed.\n\nLine one\nline two");
    }

    @Test
    void shouldLeavePlainTextWithAnglesAlone() {
        assertThat(normalizer.normalizeBody("Turnout was < 40 percent & falling.")).isEqualTo("Turnout was < 40 percent & falling.");
    }

    @Test
    void shouldCollapseSpacesAndInvisibleCharacters() {
        assertThat(normalizer.normalizeBody("Cartels\u00A0 and\u200B\tdrones  \r\nover Mexico"))
                .isEqualTo("Cartels and drones\nover Mexico");
    }

    @Test
    void shouldPutATitleOnOneLine() {
        assertThat(normalizer.normalizeTitle("  Pentagon plans\n drone strikes ")).isEqualTo("Pentagon plans drone strikes");
    }
}
