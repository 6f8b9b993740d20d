package io.eventline.ingest.service;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article body as a newsroom sends it (plain text or HTML, scraped from a web page) into
 * the normalized text the extractor reads and every offset in a message refers to: paragraphs
 * separated by one blank line, single spaces, plain quotes and dashes, no invisible characters, no
 * site footer, and no stray page-break blank lines inside a sentence. It keeps the way back to the
 * submitted text ({@link NormalizedText#originalOffset}), so a preview can report offsets into what
 * the client sent.
 *
 * <p>Plain Java: the service creates it from its configuration in {@link Extractors}.
 */
public class ArticleTextNormalizer {

    /** Markup that shows the body is HTML; a lone "<" or "&" in plain text is not enough. */
    private static final Pattern MARKUP = Pattern.compile(
            "(?i)</?(?:p|br|div|span|a|b|i|u|em|strong|h[1-6]|ul|ol|li|html|body|head|article|section|header|footer"
                    + "|main|blockquote|table|tr|td|th|figure|figcaption|img|pre|nav|aside|script|style)(?:\\s[^>]*)?/?>");
    /** Elements that are page furniture, not article text. */
    private static final String NOT_ARTICLE_TEXT = "script, style, noscript, template, nav, aside, footer, form, button, iframe";
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "article", "section",
            "header", "main", "table", "tr", "figure", "figcaption", "pre", "hr", "dl", "dt", "dd", "address",
            "html", "body");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?");
    private static final Pattern OTHER_LINE_BREAK = Pattern.compile("[\\u0085\\u2028\\u2029]");
    /** A base character with combining marks: composed one cluster at a time, so the offset map stays exact. */
    private static final Pattern COMBINING_SEQUENCE = Pattern.compile("\\P{M}?\\p{M}+");
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)$");
    /** A sentence cannot end on these words, so a paragraph ending on one continues in the next. */
    private static final Set<String> WORDS_THAT_CANNOT_END_A_SENTENCE = Set.of(
            "the", "a", "an", "of", "to", "and", "or", "nor", "but", "in", "on", "at", "by", "for", "with",
            "from", "into", "onto", "upon", "as", "than", "that", "its", "their", "his", "her", "our", "your",
            "my", "this", "these", "those", "between", "against", "toward", "towards", "over", "under", "about",
            "whose", "which", "who", "whom", "if", "because", "while", "although", "whether", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});?");
    private static final Pattern AMPERSAND = Pattern.compile("&(?:amp|#0*38|#[xX]0*26);?");

    private final Pattern footer;

    /** @param footerPattern regex of site boilerplate removed from bodies ("(?!)" removes nothing) */
    public ArticleTextNormalizer(String footerPattern) {
        this.footer = Pattern.compile(footerPattern);
    }

    /** The normalized text of an article body, with its map back to {@code body}. */
    public NormalizedText normalize(String body) {
        MappedText text = hasMarkup(body) ? htmlToText(body) : MappedText.of(body);
        if (!Normalizer.isNormalized(text.text(), Normalizer.Form.NFC)) {
            // rare (decomposed accents): the line breaks first, as in the single scan, then each cluster
            text = text.replaceAll(LINE_BREAK, "\n").replaceAll(OTHER_LINE_BREAK, "\n")
                    .replaceAll(COMBINING_SEQUENCE, m -> Normalizer.normalize(m.group(), Normalizer.Form.NFC));
        }
        return joinBrokenSentences(plainCharacters(text).replaceAll(footer, "").strip()).toNormalizedText();
    }

    /** The normalized text of an article body. */
    public String normalizeBody(String body) {
        return normalize(body).text();
    }

    /** A title on one line with single spaces: it is hashed with the text, so it must be stable too. */
    public String normalizeTitle(String title) {
        String composed = Normalizer.normalize(hasMarkup(title) ? Jsoup.parse(title).text() : title, Normalizer.Form.NFC);
        StringBuilder text = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (!isInvisible(c)) {
                String plain = plainForm(c);
                if (plain == null) {
                    text.append(c);
                } else {
                    text.append(plain);
                }
            }
        }
        return WHITESPACE.matcher(text.toString().strip()).replaceAll(" ");
    }

    private static boolean hasMarkup(String text) {
        return text.indexOf('<') >= 0 && MARKUP.matcher(text).find();
    }

    /**
     * One scan over the text (each step as a regex replacement cost a pass and a new offset map,
     * about 0.3 s per megabyte): every line break ("\r\n", "\r", U+0085, U+2028, U+2029) becomes
     * "\n", invisible characters go, typographic punctuation takes its plain form, a run of
     * horizontal space (invisible characters inside it do not break it) becomes one space, and a
     * space next to a line break goes into the line break. A replacement covers the whole origin of
     * what it replaces.
     */
    private static MappedText plainCharacters(MappedText text) {
        String chars = text.text();
        PlainTextWriter out = new PlainTextWriter(text.builder());
        int i = 0;
        while (i < chars.length()) {
            char c = chars.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                int last = c == '\r' && i + 1 < chars.length() && chars.charAt(i + 1) == '\n' ? i + 1 : i;
                out.newline(text.originStart(i), text.originEnd(last));
                i = last + 1;
            } else if (isHorizontalSpace(c)) {
                int last = i;
                for (int j = i + 1; j < chars.length() && (isHorizontalSpace(chars.charAt(j)) || isInvisible(chars.charAt(j))); j++) {
                    if (isHorizontalSpace(chars.charAt(j))) {
                        last = j;
                    }
                }
                out.space(text.originStart(i), text.originEnd(last));
                i = last + 1;
            } else {
                if (!isInvisible(c)) {
                    String plain = plainForm(c);
                    if (plain == null) {
                        out.character(c, text.originStart(i), text.originEnd(i));
                    } else {
                        for (int k = 0; k < plain.length(); k++) {
                            out.character(plain.charAt(k), text.originStart(i), text.originEnd(i));
                        }
                    }
                }
                i++;
            }
        }
        return out.finish();
    }

    /**
     * Writes the plain characters, a run of horizontal space as one space and a line break with a
     * space on either side as the line break alone, covering the space.
     */
    private static final class PlainTextWriter {

        private final MappedText.Builder text;
        /** A space not yet written: a line break right after it takes it in. */
        private boolean spacePending;
        private int spaceStart;
        private int spaceEnd;
        /** The last character written is a line break that takes in a space right after it. */
        private boolean afterLineBreak;

        PlainTextWriter(MappedText.Builder text) {
            this.text = text;
        }

        void space(int originStart, int originEnd) {
            if (afterLineBreak) {
                text.extendLast(originEnd);
                afterLineBreak = false;
            } else {
                writePendingSpace();
                spacePending = true;
                spaceStart = originStart;
                spaceEnd = originEnd;
            }
        }

        void newline(int originStart, int originEnd) {
            if (spacePending) {
                text.append('\n', spaceStart, originEnd);
                spacePending = false;
            } else {
                text.append('\n', originStart, originEnd);
            }
            afterLineBreak = true;
        }

        void character(char c, int originStart, int originEnd) {
            writePendingSpace();
            text.append(c, originStart, originEnd);
            afterLineBreak = false;
        }

        MappedText finish() {
            writePendingSpace();
            return text.build();
        }

        private void writePendingSpace() {
            if (spacePending) {
                text.append(' ', spaceStart, spaceEnd);
                spacePending = false;
            }
        }
    }

    /** Spaces as HTML and word processors write them, tab to ideographic space (not line breaks). */
    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == '\u1680'
                || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /** Zero-width characters and the soft hyphen: they change no word, only how it may be broken. */
    private static boolean isInvisible(char c) {
        return c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /**
     * Typographic punctuation in its plain form, so rules and readers see one spelling: curly quotes
     * become straight, hyphen and en-dash variants (ranges: "1914–1918") a hyphen, an em dash (a
     * parenthetical, not a range) two hyphens, an ellipsis three dots; null for any other character.
     */
    private static String plainForm(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> "'";
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> "\"";
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> "-";
            case '\u2014', '\u2015' -> "--";
            case '\u2026' -> "...";
            default -> null;
        };
    }

    /**
     * Paragraphs separated by exactly one blank line, and a blank line between a paragraph that
     * has not finished its sentence and one that carries on with it (as scraped pages leave at page
     * breaks: "regardless of the\n\ncircumstances") made a space. Several blank lines become one
     * covering them all.
     */
    private static MappedText joinBrokenSentences(MappedText text) {
        String chars = text.text();
        int first = chars.indexOf("\n\n");
        if (first < 0) {
            return text;
        }
        MappedText.Builder out = text.builder();
        out.copy(text, 0, first);
        int i = first;
        while (i < chars.length()) {
            char c = chars.charAt(i);
            int runEnd = i + 1;
            while (c == '\n' && runEnd < chars.length() && chars.charAt(runEnd) == '\n') {
                runEnd++;
            }
            if (runEnd - i < 2) {
                out.copy(text, i, runEnd);
            } else {
                int originStart = text.originStart(i);
                int originEnd = text.originEnd(runEnd - 1);
                if (continuesSentence(chars, i, runEnd)) {
                    out.append(' ', originStart, originEnd);
                } else if (runEnd - i == 2) {
                    out.copy(text, i, runEnd);
                } else {
                    out.append('\n', originStart, originEnd).append('\n', originStart, originEnd);
                }
            }
            i = runEnd;
        }
        return out.build();
    }

    private static boolean continuesSentence(String text, int breakStart, int nextStart) {
        if (breakStart == 0 || nextStart >= text.length()) {
            return false;
        }
        char end = text.charAt(breakStart - 1);
        if (end == ',') {
            return true;
        }
        if (!Character.isLetter(end)) {
            return false; // ends with punctuation, a digit, a quote: a finished sentence or a heading
        }
        Matcher lastWord = LAST_WORD.matcher(text.subSequence(Math.max(0, breakStart - 40), breakStart));
        if (lastWord.find() && WORDS_THAT_CANNOT_END_A_SENTENCE.contains(lastWord.group(1).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Character.isLowerCase(text.charAt(nextStart));
    }

    /**
     * The text of an HTML body, block elements as paragraphs, with each character mapped to the
     * markup it came from. jsoup tracks the source position of every node; inside a text node,
     * a decoded character reference ("&amp;amp;") maps to the whole reference.
     */
    private static MappedText htmlToText(String html) {
        Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        document.select(NOT_ARTICLE_TEXT).remove();
        MappedText.Builder text = new MappedText.Builder(html, html.length() / 2);
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    appendText(html, textNode, text);
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        insert(text, "\n", element.sourceRange(), html.length());
                    } else if (BLOCKS.contains(element.normalName())) {
                        insert(text, "\n\n", element.sourceRange(), html.length());
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    insert(text, "\n\n", element.endSourceRange(), html.length());
                }
            }
        });
        return text.build();
    }

    /** Characters the markup stands for, placed where the markup starts (never before what came already). */
    private static void insert(MappedText.Builder text, String characters, Range markup, int htmlLength) {
        int at = text.lastEnd();
        if (markup.isTracked() && markup.startPos() >= at) {
            at = Math.min(markup.startPos(), htmlLength);
        }
        for (int i = 0; i < characters.length(); i++) {
            text.append(characters.charAt(i), at, at);
        }
    }

    /**
     * A text node with HTML's whitespace collapsing (any run of whitespace is one space), aligned
     * with its source: equal characters map one to one, a character reference maps as a whole.
     */
    private static void appendText(String html, TextNode node, MappedText.Builder text) {
        String decoded = node.getWholeText();
        Range range = node.sourceRange();
        int sourceStart = range.isTracked() ? Math.max(range.startPos(), text.lastEnd()) : text.lastEnd();
        int sourceEnd = range.isTracked() ? Math.min(Math.max(range.endPos(), sourceStart), html.length()) : sourceStart;
        int source = sourceStart;
        int i = 0;
        while (i < decoded.length()) {
            char c = decoded.charAt(i);
            int originStart = Math.min(source, sourceEnd);
            int originEnd;
            Matcher reference = source < sourceEnd && html.charAt(source) == '&'
                    ? CHARACTER_REFERENCE.matcher(html).region(source, sourceEnd) : null;
            if (reference != null && reference.lookingAt() && (c != '&' || AMPERSAND.matcher(reference.group()).matches())) {
                originEnd = reference.end();
                if (Character.isHighSurrogate(c) && i + 1 < decoded.length()) {
                    text.append(c, originStart, originEnd);
                    c = decoded.charAt(++i);
                }
            } else if (source < sourceEnd && html.charAt(source) == c) {
                originEnd = source + 1;
            } else {
                originEnd = Math.min(source + 1, sourceEnd);
            }
            if (Character.isWhitespace(c)) {
                // a run of whitespace is one space, covering the whole run
                int runEnd = originEnd;
                while (i + 1 < decoded.length() && Character.isWhitespace(decoded.charAt(i + 1))) {
                    i++;
                    runEnd = Math.min(runEnd + 1, sourceEnd);
                }
                text.append(' ', originStart, Math.max(runEnd, originStart));
                source = Math.max(runEnd, originStart);
            } else {
                text.append(c, originStart, Math.max(originEnd, originStart));
                source = Math.max(originEnd, originStart);
            }
            i++;
        }
    }
}
