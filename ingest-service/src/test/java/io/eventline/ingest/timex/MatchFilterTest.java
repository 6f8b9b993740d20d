package io.eventline.ingest.timex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MatchFilterTest {

    private static final String TEXT = "On Feb. 3, 2025, in 1846, the 1930s, the '80s, 9/11, from April to November 1914, "
            + "10,000 troops; three years ago, at 10:30 a.m. EST on Wednesday, every Monday, "
            + "the first quarter of 1987, last night, A.D. 70, 44 BC, fiscal 1988, mid-1990s, 12/31/2025/7, "
            + "the nineteenth century, nineteen eighty-four, a week-long strike, 24 hours, Christmas 2001, "
            + "$1.5 billion, No. 1846, the 1,846 votes, M-1990, \u00A0May\u2019s 3rd\n 5 ... (on 3 Feb 2025).";

    @ParameterizedTest(name = "{0} at \"{1}\": {2}")
    @CsvSource(delimiterString = "~", quoteCharacter = '"', textBlock = """
            (?<![\\p{L}\\p{N}])(?:May)(?![\\p{L}\\p{N}]) ~ "May 3" ~ true
            (?<![\\p{L}\\p{N}])(?:May)(?![\\p{L}\\p{N}]) ~ "Ma 3" ~ false
            (1[0-2]|0?[1-9])/([0-9]{2}) ~ "12/31" ~ true
            (1[0-2]|0?[1-9])/([0-9]{2}) ~ "150" ~ false
            (1[0-2]|0?[1-9])/([0-9]{2}) ~ "1/3" ~ false
            (?:[Tt]he\\s+)?(1[0-9]{2})0'?s ~ "the  1930s" ~ true
            (?:[Tt]he\\s+)?(1[0-9]{2})0'?s ~ "1930 s" ~ false
            [0-9]{0,2}x ~ "x" ~ true
            [0-9]{0,2}x ~ "123x" ~ false
            a*+b ~ "aab" ~ true
            \\Qx ~ "x" ~ true
            """)
    void shouldTellWhereAMatchCanStart(String regex, String text, boolean possible) {
        MatchFilter filter = MatchFilter.forward(Pattern.compile(regex));
        boolean answer = filter == null || filter.canStartAt(text, 0);
        assertThat(answer).isEqualTo(possible);
    }

    @Test
    void shouldSayMaybeBeyondAscii() {
        MatchFilter filter = MatchFilter.forward(Pattern.compile("May"));
        assertThat(filter.canStartAt("M\u00E4y", 0)).isTrue();
        assertThat(filter.canStartAt("Mxy", 0)).isFalse();
    }

    /**
     * "Feb 20" is no month and day where "25" follows: the expression's closing boundary fails. A
     * character beyond ASCII after it may be a letter or not: maybe.
     */
    @ParameterizedTest(name = "at \"{0}\": {1}")
    @CsvSource(delimiterString = "~", quoteCharacter = '"', textBlock = """
            "Feb 2025" ~ false
            "Feb 20, 2025" ~ true
            "Feb 20" ~ true
            "Feb 20th" ~ true
            "Feb 3rd" ~ true
            "Feb 3x" ~ false
            "Feb 20é" ~ true
            "Feb x" ~ false
            """)
    void shouldTellWhereAMatchThatEndsAWordCanStart(String text, boolean possible) {
        Pattern monthDay = Pattern.compile("(?<![\\p{L}\\p{N}])(?:Feb\\.? ?(3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?)"
                + "(?![\\p{L}\\p{N}])");
        assertThat(MatchFilter.forward(monthDay).canStartWordAt(text, 0)).isEqualTo(possible);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)may", "(a)\\1", "\\Qa\\E", "a\\Rb", "(?x)a b", "a{0,9999}"})
    void shouldGiveNoFilterForWhatItDoesNotUnderstand(String regex) {
        assertThat(MatchFilter.forward(Pattern.compile(regex))).isNull();
    }

    @Test
    void shouldReadBackFromTheEndOfAContext() {
        MatchFilter filter = MatchFilter.backward(Pattern.compile("(?:[0-9][.,]|[$])\\s*$"));
        assertThat(filter.canEndAt("paid $ 5", 7, 0)).isTrue();
        assertThat(filter.canEndAt("about 3.  5", 10, 0)).isTrue();
        assertThat(filter.canEndAt("about 3.  5", 10, 8)).isFalse(); // the match would start before the floor
        assertThat(filter.canEndAt("in 1846 5", 8, 0)).isFalse();
    }

    /** The filter is a superset: no rule matches where its filter says it cannot. */
    @Test
    void shouldNeverExcludeWhereARuleMatches() {
        for (TimexRule rule : RuleSet.shared().rules()) {
            MatchFilter filter = MatchFilter.forward(rule.extract());
            assertThat(filter).as(rule.name()).isNotNull();
            Matcher m = rule.extract().matcher(TEXT).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at = 0; at < TEXT.length(); at++) {
                if (m.region(at, TEXT.length()).lookingAt()) {
                    assertThat(filter.canStartAt(TEXT, at)).as("%s at \"%s\"", rule.name(), TEXT.substring(at))
                            .isTrue();
                    assertThat(filter.canStartWordAt(TEXT, at)).as("%s at \"%s\"", rule.name(), TEXT.substring(at))
                            .isTrue();
                }
            }
        }
    }

    /** Nor does an {@code after} context start where its filter says it cannot. */
    @Test
    void shouldNeverExcludeWhereAnAfterContextMatches() {
        for (TimexRule rule : RuleSet.shared().rules()) {
            for (Pattern context : new Pattern[] {rule.after(), rule.afterNot()}) {
                if (context == null) {
                    continue;
                }
                MatchFilter filter = MatchFilter.forward(context);
                assertThat(filter).as(rule.name()).isNotNull();
                for (int start = 0; start <= TEXT.length(); start++) {
                    if (context.matcher(TEXT).region(start, Math.min(TEXT.length(), start + 48)).lookingAt()) {
                        assertThat(filter.canStartAt(TEXT, start)).as("%s after \"%s\"", rule.name(),
                                TEXT.substring(start)).isTrue();
                    }
                }
            }
        }
    }

    /** A context as simple as a character class needs no expression: the automaton is sure. */
    @Test
    void shouldBeSureOnlyOfWhatItReadsExactly() {
        MatchFilter simple = MatchFilter.backward(Pattern.compile("(?:[0-9/.,]|No\\.)$"));
        assertThat(simple.mustEndAt("12/31/", 6, 0)).isTrue();
        assertThat(simple.mustEndAt("No.", 3, 0)).isTrue();
        assertThat(MatchFilter.backward(Pattern.compile("(?:No\\.)$")).mustEndAt("No.", 3, 1))
                .isFalse(); // it would start before the floor
        assertThat(simple.mustEndAt("12/31", 5, 4)).isTrue();
        assertThat(simple.mustEndAt("12 x", 4, 0)).isFalse();
        assertThat(MatchFilter.backward(Pattern.compile("(?:[A-Z].\\.)$")).mustEndAt("N\u00F8.", 3, 0))
                .isFalse(); // beyond ASCII: the expression decides
        for (String approximate : new String[] {"(?:(?<![0-9])[0-9])$", "(?:\\A|\\.\\s+)$", "(?:1|b$)$",
                "(?:1)|(?:b)$", "(?:[0-9]++)$", "(?:(?>[0-9]))$", "(?:\\b[0-9])$", "(?:^[0-9])$"}) {
            assertThat(MatchFilter.backward(Pattern.compile(approximate)).mustEndAt("1", 1, 0)).as(approximate).isFalse();
        }
    }

    /** Nor does a context end where its filter says it cannot. */
    @Test
    void shouldNeverExcludeWhereABeforeContextMatches() {
        for (TimexRule rule : RuleSet.shared().rules()) {
            for (Pattern context : new Pattern[] {rule.before(), rule.beforeNot()}) {
                if (context == null) {
                    continue;
                }
                MatchFilter filter = MatchFilter.backward(context);
                assertThat(filter).as(rule.name()).isNotNull();
                for (int end = 0; end <= TEXT.length(); end++) {
                    int from = Math.max(0, end - 48);
                    boolean matches = context.matcher(TEXT).region(from, end).find();
                    if (matches && TEXT.charAt(Math.max(0, end - 1)) != '\n') {
                        assertThat(filter.canEndAt(TEXT, end, from)).as("%s before \"%s\"", rule.name(),
                                TEXT.substring(from, end)).isTrue();
                    }
                    if (filter.mustEndAt(TEXT, end, from) && TEXT.charAt(Math.max(0, end - 1)) != '\n') {
                        assertThat(matches).as("%s surely before \"%s\"", rule.name(), TEXT.substring(from, end))
                                .isTrue();
                    }
                }
            }
        }
    }
}
