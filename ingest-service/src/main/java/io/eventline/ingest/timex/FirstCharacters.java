package io.eventline.ingest.timex;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * The characters a non-empty match of a regular expression can start with, read from the
 * expression itself. The tagger tries a rule only at the word starts whose character is one of
 * them, which skips most regex calls without changing a single match: the set is always a superset
 * (look-arounds are ignored, anything not understood gives "any character").
 *
 * <p>It understands what the rule files use: literals, escapes ({@code \.}, {@code \s}, {@code \d},
 * {@code \w}, {@code \t}, {@code \n}, {@code \\uXXXX} ...), character classes with ranges, groups
 * (capturing, non-capturing, named), alternation, look-arounds and the quantifiers
 * {@code ? * + {n,m}} (greedy, lazy or possessive). Anything else (flags, {@code .},
 * {@code \p{..}}, back references, negated or nested classes) makes the answer {@code null}: no
 * filter.
 */
final class FirstCharacters {

    private final String regex;
    private int at;

    private FirstCharacters(String regex) {
        this.regex = regex;
    }

    /** Thrown inside the parser for anything it does not understand. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** What a piece of the expression can start with, and whether it can match the empty string. */
    private record First(BitSet chars, boolean nullable) {
    }

    /**
     * The characters any non-empty match of {@code pattern} can start with, or null if the pattern
     * is not understood (or has flags): then every position must be tried.
     */
    static BitSet of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return null;
        }
        try {
            FirstCharacters parser = new FirstCharacters(pattern.pattern());
            First first = parser.alternation();
            if (parser.at != parser.regex.length()) {
                return null; // an unbalanced ')'
            }
            return first.chars();
        } catch (Unknown | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private First alternation() {
        First first = sequence();
        BitSet chars = (BitSet) first.chars().clone();
        boolean nullable = first.nullable();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            First next = sequence();
            chars.or(next.chars());
            nullable |= next.nullable();
        }
        return new First(chars, nullable);
    }

    private First sequence() {
        BitSet chars = new BitSet();
        boolean nullable = true;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            First atom = quantified();
            if (nullable) {
                chars.or(atom.chars());
                nullable = atom.nullable();
            }
        }
        return new First(chars, nullable);
    }

    private First quantified() {
        First atom = atom();
        if (at >= regex.length()) {
            return atom;
        }
        boolean optional;
        char c = regex.charAt(at);
        if (c == '?' || c == '*') {
            at++;
            optional = true;
        } else if (c == '+') {
            at++;
            optional = false;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0) {
                throw new Unknown();
            }
            String bounds = regex.substring(at + 1, close);
            if (!bounds.matches("[0-9]+(?:,[0-9]*)?")) {
                throw new Unknown();
            }
            optional = Integer.parseInt(bounds.split(",", -1)[0]) == 0;
            at = close + 1;
        } else {
            return atom;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++; // lazy or possessive
        }
        return new First(atom.chars(), atom.nullable() || optional);
    }

    private First atom() {
        char c = regex.charAt(at);
        switch (c) {
            case '(':
                return group();
            case '[':
                return new First(characterClass(), false);
            case '\\':
                return escape();
            case '.', '^', '$', '*', '+', '?', '{', ')', '|':
                throw new Unknown();
            default:
                at++;
                return literal(c);
        }
    }

    private First group() {
        at++; // (
        boolean lookaround = false;
        if (regex.startsWith("?:", at)) {
            at += 2;
        } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
            at += 2;
            lookaround = true;
        } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
            at += 3;
            lookaround = true;
        } else if (regex.startsWith("?<", at)) {
            int close = regex.indexOf('>', at);
            if (close < 0 || !regex.substring(at + 2, close).matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new Unknown();
            }
            at = close + 1; // a named group
        } else if (at < regex.length() && regex.charAt(at) == '?') {
            throw new Unknown(); // flags, atomic groups ...
        }
        if (lookaround) {
            // it matches nothing: what follows starts the match (ignoring its condition only makes
            // the set larger), so its body (which may hold anything, \p{L} ...) is only skipped
            skipToClosingParenthesis();
            return new First(new BitSet(), true);
        }
        First inside = alternation();
        if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new Unknown();
        }
        at++;
        return inside;
    }

    /** Moves past the ')' that closes the group whose body starts at {@code at}. */
    private void skipToClosingParenthesis() {
        int depth = 1;
        while (depth > 0) {
            char c = regex.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                if (regex.charAt(at) == '^') {
                    at++;
                }
                if (regex.charAt(at) == ']') {
                    at++; // a ']' right after '[' is a literal
                }
                while (regex.charAt(at) != ']') {
                    if (regex.charAt(at) == '\\') {
                        at++;
                    } else if (regex.charAt(at) == '[') {
                        throw new Unknown();
                    }
                    at++;
                }
                at++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
    }

    private First escape() {
        at++; // backslash
        char c = regex.charAt(at++);
        switch (c) {
            case 's':
                return new First(set(" \t\n\u000B\f\r"), false);
            case 'd':
                return new First(range('0', '9'), false);
            case 'w': {
                BitSet word = range('a', 'z');
                word.or(range('A', 'Z'));
                word.or(range('0', '9'));
                word.set('_');
                return new First(word, false);
            }
            case 'b', 'B':
                return new First(new BitSet(), true);
            default:
                return literal(escaped(c));
        }
    }

    /** The character an escape other than a class stands for ({@code \.}, {@code \t}, {@code \\u00A0}). */
    private char escaped(char c) {
        switch (c) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'u': {
                char value = (char) Integer.parseInt(regex.substring(at, at + 4), 16);
                at += 4;
                return value;
            }
            case 'x': {
                char value = (char) Integer.parseInt(regex.substring(at, at + 2), 16);
                at += 2;
                return value;
            }
            default:
                if (Character.isLetterOrDigit(c)) {
                    throw new Unknown(); // \p, \Q, back references, \z ...
                }
                return c; // \. \- \( \' ...
        }
    }

    private First literal(char c) {
        if (Character.isSurrogate(c)) {
            throw new Unknown();
        }
        return new First(set(String.valueOf(c)), false);
    }

    private BitSet characterClass() {
        at++; // [
        if (regex.charAt(at) == '^') {
            throw new Unknown();
        }
        BitSet chars = new BitSet();
        boolean first = true;
        while (regex.charAt(at) != ']' || first) {
            first = false;
            char c = regex.charAt(at);
            if (c == '[' || regex.startsWith("&&", at)) {
                throw new Unknown();
            }
            char low;
            at++;
            if (c == '\\') {
                char e = regex.charAt(at++);
                if (e == 's' || e == 'd' || e == 'w') {
                    at -= 2;
                    chars.or(escape().chars());
                    continue;
                }
                low = escaped(e);
            } else {
                low = c;
            }
            if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                at++;
                char high = regex.charAt(at++);
                if (high == '\\') {
                    high = escaped(regex.charAt(at++));
                }
                if (high < low) {
                    throw new Unknown();
                }
                chars.or(range(low, high));
            } else {
                chars.set(low);
            }
        }
        at++; // ]
        for (int i = chars.nextSetBit(0); i >= 0; i = chars.nextSetBit(i + 1)) {
            if (Character.isSurrogate((char) i)) {
                throw new Unknown();
            }
        }
        return chars;
    }

    private static BitSet set(String chars) {
        BitSet set = new BitSet();
        chars.chars().forEach(set::set);
        return set;
    }

    private static BitSet range(char low, char high) {
        BitSet set = new BitSet();
        set.set(low, high + 1);
        return set;
    }
}
