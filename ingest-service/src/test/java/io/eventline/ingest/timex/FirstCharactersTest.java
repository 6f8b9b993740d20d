package io.eventline.ingest.timex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FirstCharactersTest {

    private static String of(String regex) {
        BitSet first = FirstCharacters.of(Pattern.compile(regex));
        if (first == null) {
            return null;
        }
        StringBuilder chars = new StringBuilder();
        first.stream().forEach(chars::appendCodePoint);
        return chars.toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            (?<![\\p{L}\\p{N}])(?:May)(?![\\p{L}\\p{N}])       => M
            (?:[Tt]he\\s+)?(1[0-9]{3}|20[0-9]{2})               => 12Tt
            (?:(?:[Ee]arly|[Ll]ate)[ ]{1,3})?[Yy]esterday       => ELYely
            (?=[JF])(?:January|February)                         => FJ
            [0-9]{0,2}x                                          => 0123456789x
            (?<name>a|b)c                                        => ab
            \\.{2}|-+                                            => -.
            [-–]x                                                => -–
            \\u00A0?a                                            => "a\u00A0"
            """)
    void shouldReadTheCharactersAMatchCanStartWith(String regex, String first) {
        assertThat(of(regex)).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)may", ".x", "\\p{L}x", "[^a]x", "\\Qa\\E", "(a)\\1", "[a[b]]", "(?>a)", "^a"})
    void shouldGiveNoFilterForWhatItDoesNotUnderstand(String regex) {
        assertThat(FirstCharacters.of(Pattern.compile(regex))).isNull();
    }

    /** The filter is exact: no rule matches at a word start whose character its set lacks. */
    @Test
    void shouldNeverExcludeWhereARuleMatches() {
        String text = "On Feb. 3, 2025, in 1846, the 1930s, the '80s, 9/11, from April to November 1914, "
                + "10,000 troops; three years ago, at 10:30 a.m. EST on Wednesday, every Monday, "
                + "the first quarter of 1987, last night, A.D. 70, 44 BC, fiscal 1988, mid-1990s, "
                + "the nineteenth century, nineteen eighty-four, a week-long strike, 24 hours, Christmas 2001.";
        for (TimexRule rule : RuleSet.shared().rules()) {
            BitSet first = FirstCharacters.of(rule.extract());
            if (first == null) {
                continue;
            }
            Matcher m = rule.extract().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at = 0; at < text.length(); at++) {
                if (m.region(at, text.length()).lookingAt() && m.end() > m.start()) {
                    assertThat(first.get(text.charAt(at))).as("%s at \"%s\"", rule.name(), text.substring(at))
                            .isTrue();
                }
            }
        }
    }
}
