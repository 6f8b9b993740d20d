package io.eventline.ingest.service;

import java.util.List;
import java.util.Random;

/**
 * Article bodies made of every kind of character the normalizer rewrites (line breaks, spaces,
 * invisible characters, typographic punctuation, combining marks, markup, a site footer), for the
 * offset-map tests and {@link NormalizationDump}.
 */
final class GeneratedBodies {

    static final List<String> PLAIN_FRAGMENTS = List.of(
            "On February 3, ", "Washington agreed", " to suspend ", "25 percent", " tariffs", ". ", ", ", "the",
            " of", " and", "Its", "was", " ", "  ", "\n", "\n\n", "\n\n\n", "\n\n\n\n", "\r\n", "\r", "\r\r\n", "\t",
            "\u000B", "\f", "\u00A0", "\u1680", "\u2003", "\u202F", "\u205F", "\u3000", "\u200B", "\u200D",
            "\u2060", "\uFEFF", "\u00AD", "\u0085", "\u2028", "\u2029", "\u201Cnothing illegal\u201D",
            "Trump\u2019s", "\u2018", "\u201A", "\u2032", "\u2033", "\u00AB", "\u00BB", "1914\u20131918",
            "\u2010", "\u2011", "\u2212", "f\u2014\u2014 around", "\u2015", "wait\u2026", "e\u0301", "Cafe\u0301",
            "\u0301", "\u0327\u0301", "A\u030A", "\uD83D\uDE00", "circumstances", "Sheinbaum", "<", "&", "a < b",
            "\u2000", "\u2001", "\u2002", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A",
            "\u200C", "\u201B", "\u201D", "\u201E", "\u201F", "\u2012", "\u2013", "\u2014", "\u001F", "\u2019s",
            "To contact the WSWS and the\nSocialist Equality Party visit:\n\nwsws.org/contact");
    static final List<String> HTML_FRAGMENTS = List.of(
            "<p>", "</p>", "<br>", "<br/>", "<b>", "</b>", "<div>", "</div>", "&amp;", "&nbsp;", "&ldquo;",
            "&rsquo;", "&#8212;", "&#x1F600;", "&#38;", "&amp", "<script>track()</script>",
            "<footer>\u00A9 2025</footer>", "<h1>Cartels</h1>", "<li>", "<pre>\n  code\n</pre>");

    private GeneratedBodies() {
    }

    /** A body of 1 to {@code mostParts} fragments; an HTML one is a paragraph with markup among them. */
    static String generate(Random random, boolean html, int mostParts) {
        StringBuilder body = new StringBuilder();
        int parts = 1 + random.nextInt(mostParts);
        for (int i = 0; i < parts; i++) {
            List<String> from = html && random.nextInt(3) == 0 ? HTML_FRAGMENTS : PLAIN_FRAGMENTS;
            body.append(from.get(random.nextInt(from.size())));
        }
        if (html) {
            body.insert(0, "<p>").append("</p>");
        }
        return body.toString();
    }
}
