package io.eventline.ingest.service;

import io.eventline.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article body as a newsroom sends it (plain text or HTML, scraped from a web page) into
 * the normalized text the extractor reads and every offset in a message refers to: paragraphs
 * separated by one blank line, single spaces, no site footer, and no stray page-break blank lines
 * inside a sentence.
 */
@ApplicationScoped
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
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" ?\\n ?");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{3,}");
    /**
     * A blank line between a paragraph that has not finished its sentence and one that carries on
     * with it, as scraped pages leave at page breaks: "regardless of the\n\ncircumstances".
     */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\n");
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)$");
    /** A sentence cannot end on these words, so a paragraph ending on one continues in the next. */
    private static final Set<String> WORDS_THAT_CANNOT_END_A_SENTENCE = Set.of(
            "the", "a", "an", "of", "to", "and", "or", "nor", "but", "in", "on", "at", "by", "for", "with",
            "from", "into", "onto", "upon", "as", "than", "that", "its", "their", "his", "her", "our", "your",
            "my", "this", "these", "those", "between", "against", "toward", "towards", "over", "under", "about",
            "whose", "which", "who", "whom", "if", "because", "while", "although", "whether", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Pattern footer;

    @Inject
    public ArticleTextNormalizer(IngestConfig config) {
        this(config.normalization().footerPattern());
    }

    public ArticleTextNormalizer(String footerPattern) {
        this.footer = Pattern.compile(footerPattern);
    }

    /** The normalized text of an article body. */
    public String normalizeBody(String body) {
        String text = MARKUP.matcher(body).find() ? htmlToText(body) : body;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = INVISIBLE.matcher(text).replaceAll("");
        text = HORIZONTAL_SPACE.matcher(text).replaceAll(" ");
        text = SPACE_AROUND_NEWLINE.matcher(text).replaceAll("\n");
        text = footer.matcher(text).replaceAll("");
        text = MANY_NEWLINES.matcher(text.strip()).replaceAll("\n\n");
        return joinSentencesSplitByBlankLines(text);
    }

    /** A title on one line with single spaces: it is hashed with the text, so it must be stable too. */
    public String normalizeTitle(String title) {
        String text = MARKUP.matcher(title).find() ? Jsoup.parse(title).text() : title;
        text = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }

    private static String joinSentencesSplitByBlankLines(String text) {
        StringBuilder joined = new StringBuilder(text.length());
        Matcher breaks = PARAGRAPH_BREAK.matcher(text);
        int last = 0;
        while (breaks.find()) {
            joined.append(text, last, breaks.start());
            boolean continues = continuesSentence(joined, text, breaks.end());
            joined.append(continues ? " " : "\n\n");
            last = breaks.end();
        }
        return joined.append(text, last, text.length()).toString();
    }

    private static boolean continuesSentence(CharSequence before, String text, int nextStart) {
        if (before.isEmpty() || nextStart >= text.length()) {
            return false;
        }
        char end = before.charAt(before.length() - 1);
        if (end == ',') {
            return true;
        }
        if (!Character.isLetter(end)) {
            return false; // ends with punctuation, a digit, a quote: a finished sentence or a heading
        }
        // only the tail: scanning all that came before at every paragraph would be quadratic
        Matcher lastWord = LAST_WORD.matcher(before.subSequence(Math.max(0, before.length() - 40), before.length()));
        if (lastWord.find() && WORDS_THAT_CANNOT_END_A_SENTENCE.contains(lastWord.group(1).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Character.isLowerCase(text.charAt(nextStart));
    }

    private static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select(NOT_ARTICLE_TEXT).remove();
        StringBuilder text = new StringBuilder(html.length() / 2);
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(WHITESPACE.matcher(textNode.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        text.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        });
        return text.toString();
    }
}
