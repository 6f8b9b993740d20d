package io.eventline.ingest.timex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tells cheaply whether a regular expression can match at a place of a text, so the tagger calls
 * the expression only where it might match. A try of a {@link java.util.regex.Matcher} costs a
 * reset and a backtracking attempt even where it fails on the first characters, and the rules are
 * tried at millions of places; this filter is a deterministic automaton of the expression over
 * ASCII that reads one table entry per character and stops where no match can go on.
 *
 * <p>The answer is a superset, never a miss: look-arounds, anchors and word boundaries are read as
 * "always true", possessive and atomic groups as plain groups, and a character beyond ASCII as
 * "maybe". So a "no" is certain and a "maybe" goes to the real expression. An expression it does
 * not understand (flags, back references, {@code \Q}, {@code \R}, an automaton too large) gives no
 * filter ({@code null}). Immutable, thus thread-safe.
 */
final class MatchFilter {

    private static final int ASCII = 128;
    private static final int MOST_POSITIONS = 5_000;
    private static final int MOST_STATES = 5_000;

    /** By ASCII character, its class: characters every position of the expression treats alike. */
    private final int[] classOf;
    private final int classes;
    /** By state and class, the next state, or -1 where no match can go on. State 0 is the start. */
    private final int[] next;
    private final boolean[] accepting;
    /**
     * The automaton is the expression itself over ASCII: it has no look-around, anchor, word
     * boundary, possessive or atomic part (but a final {@code $}, which {@link #mustEndAt} reads as
     * the end it is given).
     */
    private final boolean exact;
    /** By ASCII character, whether a match can start with it: most places fail on their first character. */
    private final boolean[] canStartWith = new boolean[ASCII];

    private MatchFilter(int[] classOf, int classes, int[] next, boolean[] accepting, boolean exact) {
        this.classOf = classOf;
        this.classes = classes;
        this.next = next;
        this.accepting = accepting;
        this.exact = exact;
        for (int c = 0; c < ASCII; c++) {
            canStartWith[c] = accepting[0] || next[classOf[c]] >= 0;
        }
    }

    /** A filter for matches that start at a place, or null if the expression is not understood. */
    static MatchFilter forward(Pattern pattern) {
        return of(pattern, false);
    }

    /**
     * A filter for matches that end at a place, read from right to left (for a rule's
     * {@code before} context), or null if the expression is not understood.
     */
    static MatchFilter backward(Pattern pattern) {
        return of(pattern, true);
    }

    private static MatchFilter of(Pattern pattern, boolean reversed) {
        if (pattern.flags() != 0) {
            return null;
        }
        try {
            Parser parser = new Parser(pattern.pattern());
            Node root = parser.alternation();
            if (parser.at != parser.regex.length()) {
                return null; // an unbalanced ')'
            }
            return new Builder(reversed ? root.reversed() : root).automaton(!parser.approximate);
        } catch (Unknown | IndexOutOfBoundsException | PatternSyntaxException | NumberFormatException e) {
            return null;
        }
    }

    /** False only if no match of the expression starts at {@code at} (and ends by the text's end). */
    boolean canStartAt(CharSequence text, int at) {
        int state = 0;
        for (int i = at; ; i++) {
            if (accepting[state]) {
                return true;
            }
            if (i == text.length()) {
                return false;
            }
            char c = text.charAt(i);
            if (c >= ASCII) {
                return true;
            }
            state = next[state * classes + classOf[c]];
            if (state < 0) {
                return false;
            }
        }
    }

    /**
     * {@link #canStartAt} for an expression that ends with {@code (?![\p{L}\p{N}])}, as every rule's
     * does: a match counts only where no letter or digit follows it. So "Feb 20" in "Feb 2025" is
     * no start of a month and day, where the expression would have matched "Feb 20", failed on the
     * "2" and backtracked through every shorter way of reading it.
     */
    boolean canStartWordAt(CharSequence text, int at) {
        if (at < text.length() && text.charAt(at) < ASCII && !canStartWith[text.charAt(at)]) {
            return false;
        }
        int state = 0;
        for (int i = at; ; i++) {
            if (i == text.length()) {
                return accepting[state];
            }
            char c = text.charAt(i);
            if (c >= ASCII || accepting[state] && !isAsciiLetterOrDigit(c)) {
                return true; // beyond ASCII, a letter or digit (or not) of Unicode: maybe
            }
            state = next[state * classes + classOf[c]];
            if (state < 0) {
                return false;
            }
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** False only if no match of the expression ends at {@code end} and starts at {@code floor} or later. */
    boolean canEndAt(CharSequence text, int end, int floor) {
        return acceptsBackFrom(text, end, floor, true);
    }

    /**
     * True only if a match of the expression surely ends at {@code end} and starts at {@code floor}
     * or later, {@code end} read as where a final {@code $} matches: the automaton is exact and
     * accepts, reading back from {@code end} over ASCII characters only. Then the expression need
     * not run: false leaves the answer to it.
     */
    boolean mustEndAt(CharSequence text, int end, int floor) {
        return exact && acceptsBackFrom(text, end, floor, false);
    }

    /**
     * Whether the automaton accepts reading back from {@code end}, not past {@code floor};
     * {@code beyondAscii} is the answer at a character beyond ASCII.
     */
    private boolean acceptsBackFrom(CharSequence text, int end, int floor, boolean beyondAscii) {
        int state = 0;
        for (int i = end; ; i--) {
            if (accepting[state]) {
                return true;
            }
            if (i <= floor) {
                return false;
            }
            char c = text.charAt(i - 1);
            if (c >= ASCII) {
                return beyondAscii;
            }
            state = next[state * classes + classOf[c]];
            if (state < 0) {
                return false;
            }
        }
    }

    /** Thrown inside the parser for anything it does not understand. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    // --- the expression as a tree ------------------------------------------------------------

    private sealed interface Node permits Leaf, Sequence, Alternatives, Repeat {
        Node reversed();
    }

    /** One character of the given ASCII set (bits 0-63 in {@code low}, 64-127 in {@code high}). */
    private record Leaf(long low, long high) implements Node {
        boolean has(int c) {
            return c < 64 ? (low >>> c & 1) != 0 : (high >>> (c - 64) & 1) != 0;
        }

        @Override
        public Node reversed() {
            return this;
        }
    }

    private record Sequence(List<Node> parts) implements Node {
        static final Sequence EMPTY = new Sequence(List.of());

        @Override
        public Node reversed() {
            List<Node> reversed = new ArrayList<>(parts.size());
            for (int i = parts.size() - 1; i >= 0; i--) {
                reversed.add(parts.get(i).reversed());
            }
            return new Sequence(reversed);
        }
    }

    private record Alternatives(List<Node> choices) implements Node {
        @Override
        public Node reversed() {
            return new Alternatives(choices.stream().map(Node::reversed).toList());
        }
    }

    /** {@code node{min,max}}; max -1 for no upper bound. */
    private record Repeat(Node node, int min, int max) implements Node {
        @Override
        public Node reversed() {
            return new Repeat(node.reversed(), min, max);
        }
    }

    private static final class Parser {

        private final String regex;
        private final Map<String, Leaf> leaves = new HashMap<>();
        private int at;
        private int depth;
        private boolean topLevelChoice;
        /** Read something as a superset: a look-around, an anchor, a word boundary, a possessive or atomic part. */
        private boolean approximate;

        Parser(String regex) {
            this.regex = regex;
        }

        Node alternation() {
            List<Node> choices = new ArrayList<>();
            choices.add(sequence());
            while (at < regex.length() && regex.charAt(at) == '|') {
                topLevelChoice |= depth == 0;
                at++;
                choices.add(sequence());
            }
            return choices.size() == 1 ? choices.get(0) : new Alternatives(choices);
        }

        private Node sequence() {
            List<Node> parts = new ArrayList<>();
            while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
                parts.add(quantified());
            }
            return new Sequence(parts);
        }

        private Node quantified() {
            Node atom = atom();
            if (at >= regex.length()) {
                return atom;
            }
            char c = regex.charAt(at);
            Node repeated;
            if (c == '?') {
                repeated = new Repeat(atom, 0, 1);
                at++;
            } else if (c == '*') {
                repeated = new Repeat(atom, 0, -1);
                at++;
            } else if (c == '+') {
                repeated = new Repeat(atom, 1, -1);
                at++;
            } else if (c == '{') {
                int close = regex.indexOf('}', at);
                if (close < 0) {
                    throw new Unknown();
                }
                String bounds = regex.substring(at + 1, close);
                if (!bounds.matches("[0-9]{1,4}(?:,[0-9]{0,4})?")) {
                    throw new Unknown();
                }
                String[] minMax = bounds.split(",", -1);
                int min = Integer.parseInt(minMax[0]);
                int max = minMax.length == 1 ? min : minMax[1].isEmpty() ? -1 : Integer.parseInt(minMax[1]);
                repeated = new Repeat(atom, min, max);
                at = close + 1;
            } else {
                return atom;
            }
            if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
                approximate |= regex.charAt(at) == '+';
                at++; // lazy or possessive: the same strings, or fewer
            }
            return repeated;
        }

        private Node atom() {
            char c = regex.charAt(at);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    int end = classEnd(at);
                    Node leaf = leaf(regex.substring(at, end));
                    at = end;
                    return leaf;
                }
                case '\\' -> {
                    return escape();
                }
                case '^', '$' -> {
                    // a final $ of the whole expression is where the caller says the text ends
                    approximate |= !(c == '$' && depth == 0 && at == regex.length() - 1 && !topLevelChoice);
                    at++;
                    return Sequence.EMPTY;
                }
                case '.' -> {
                    at++;
                    return leaf(".");
                }
                case '*', '+', '?', '{', ')', '|' -> throw new Unknown();
                default -> {
                    at++;
                    return c < ASCII ? leaf(Pattern.quote(String.valueOf(c))) : new Leaf(0, 0);
                }
            }
        }

        private Node group() {
            at++;
            boolean lookAround = false;
            if (regex.startsWith("?:", at) || regex.startsWith("?>", at)) {
                approximate |= regex.startsWith("?>", at);
                at += 2;
            } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
                at += 2;
                lookAround = true;
            } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
                at += 3;
                lookAround = true;
            } else if (regex.startsWith("?<", at)) {
                int close = regex.indexOf('>', at);
                if (close < 0) {
                    throw new Unknown();
                }
                at = close + 1; // a named group
            } else if (regex.startsWith("?", at)) {
                throw new Unknown(); // flags
            }
            depth++;
            Node inside = alternation();
            depth--;
            if (at >= regex.length() || regex.charAt(at) != ')') {
                throw new Unknown();
            }
            at++;
            approximate |= lookAround;
            return lookAround ? Sequence.EMPTY : inside;
        }

        /** The index after the character class that starts at {@code start}. */
        private int classEnd(int start) {
            int depth = 0;
            int i = start;
            while (true) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                } else if (c == ']' && i > start + 1 && !(i == start + 2 && regex.charAt(start + 1) == '^')) {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
        }

        private Node escape() {
            char c = regex.charAt(at + 1);
            int end;
            switch (c) {
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                    approximate = true;
                    at += 2;
                    return Sequence.EMPTY;
                }
                case 'p', 'P', 'x', 'N' -> end = regex.charAt(at + 2) == '{' ? regex.indexOf('}', at) + 1
                        : at + (c == 'x' ? 4 : 3);
                case 'u' -> end = at + 6;
                case 'c' -> end = at + 3;
                case 'Q', 'E', 'R', 'X', 'k', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> throw new Unknown();
                default -> end = at + 2;
            }
            if (end <= at) {
                throw new Unknown();
            }
            Node leaf = leaf(regex.substring(at, end));
            at = end;
            return leaf;
        }

        /** A one-character expression as the set of ASCII characters it matches. */
        private Leaf leaf(String oneCharacter) {
            return leaves.computeIfAbsent(oneCharacter, expression -> {
                Pattern pattern = Pattern.compile(expression);
                long low = 0;
                long high = 0;
                for (int c = 0; c < ASCII; c++) {
                    if (pattern.matcher(String.valueOf((char) c)).matches()) {
                        if (c < 64) {
                            low |= 1L << c;
                        } else {
                            high |= 1L << (c - 64);
                        }
                    }
                }
                return new Leaf(low, high);
            });
        }
    }

    // --- the automaton -------------------------------------------------------------------------

    /**
     * Glushkov's construction: each leaf occurrence is a position, a state of the automaton the
     * set of positions just read; then the subset construction, over classes of ASCII characters.
     */
    private static final class Builder {

        private final List<Leaf> positions = new ArrayList<>();
        private final List<BitSet> follow = new ArrayList<>();
        private final Fragment root;

        /** What a subtree can start and end with, and whether it can match the empty string. */
        private record Fragment(BitSet first, BitSet last, boolean nullable) {
        }

        Builder(Node node) {
            this.root = build(node);
        }

        private Fragment build(Node node) {
            if (node instanceof Leaf leaf) {
                if (positions.size() == MOST_POSITIONS) {
                    throw new Unknown();
                }
                int position = positions.size();
                positions.add(leaf);
                follow.add(new BitSet());
                BitSet only = new BitSet();
                only.set(position);
                return new Fragment(only, (BitSet) only.clone(), false);
            }
            if (node instanceof Sequence sequence) {
                Fragment result = new Fragment(new BitSet(), new BitSet(), true);
                for (Node part : sequence.parts()) {
                    result = concatenate(result, build(part));
                }
                return result;
            }
            if (node instanceof Alternatives alternatives) {
                BitSet first = new BitSet();
                BitSet last = new BitSet();
                boolean nullable = false;
                for (Node choice : alternatives.choices()) {
                    Fragment built = build(choice);
                    first.or(built.first());
                    last.or(built.last());
                    nullable |= built.nullable();
                }
                return new Fragment(first, last, nullable);
            }
            Repeat repeat = (Repeat) node;
            Fragment result = new Fragment(new BitSet(), new BitSet(), true);
            for (int i = 0; i < repeat.min(); i++) {
                result = concatenate(result, build(repeat.node()));
            }
            if (repeat.max() < 0) {
                Fragment loop = build(repeat.node());
                loop.last().stream().forEach(p -> follow.get(p).or(loop.first()));
                return concatenate(result, new Fragment(loop.first(), loop.last(), true));
            }
            for (int i = repeat.min(); i < repeat.max(); i++) {
                Fragment optional = build(repeat.node());
                result = concatenate(result, new Fragment(optional.first(), optional.last(), true));
            }
            return result;
        }

        private Fragment concatenate(Fragment a, Fragment b) {
            a.last().stream().forEach(p -> follow.get(p).or(b.first()));
            BitSet first = (BitSet) a.first().clone();
            if (a.nullable()) {
                first.or(b.first());
            }
            BitSet last = (BitSet) b.last().clone();
            if (b.nullable()) {
                last.or(a.last());
            }
            return new Fragment(first, last, a.nullable() && b.nullable());
        }

        MatchFilter automaton(boolean exact) {
            // characters alike for every position share a class
            int[] classOf = new int[ASCII];
            List<Integer> representatives = new ArrayList<>();
            Map<BitSet, Integer> classBySignature = new HashMap<>();
            List<Leaf> distinct = positions.stream().distinct().toList();
            for (int c = 0; c < ASCII; c++) {
                BitSet signature = new BitSet();
                for (int i = 0; i < distinct.size(); i++) {
                    if (distinct.get(i).has(c)) {
                        signature.set(i);
                    }
                }
                int character = c;
                classOf[c] = classBySignature.computeIfAbsent(signature, s -> {
                    representatives.add(character);
                    return representatives.size() - 1;
                });
            }
            int classes = representatives.size();
            int start = positions.size(); // a pseudo-position: nothing read yet
            List<BitSet> states = new ArrayList<>();
            Map<BitSet, Integer> stateIds = new HashMap<>();
            BitSet initial = new BitSet();
            initial.set(start);
            states.add(initial);
            stateIds.put(initial, 0);
            int[] next = new int[0];
            for (int s = 0; s < states.size(); s++) {
                if (states.size() > MOST_STATES) {
                    throw new Unknown();
                }
                if (next.length < states.size() * classes) {
                    next = Arrays.copyOf(next, Math.max(next.length * 2, states.size() * classes));
                }
                BitSet state = states.get(s);
                for (int k = 0; k < classes; k++) {
                    int c = representatives.get(k);
                    BitSet target = new BitSet();
                    for (int p = state.nextSetBit(0); p >= 0; p = state.nextSetBit(p + 1)) {
                        BitSet candidates = p == start ? root.first() : follow.get(p);
                        for (int q = candidates.nextSetBit(0); q >= 0; q = candidates.nextSetBit(q + 1)) {
                            if (positions.get(q).has(c)) {
                                target.set(q);
                            }
                        }
                    }
                    if (target.isEmpty()) {
                        next[s * classes + k] = -1;
                        continue;
                    }
                    Integer id = stateIds.get(target);
                    if (id == null) {
                        id = states.size();
                        states.add(target);
                        stateIds.put(target, id);
                    }
                    next[s * classes + k] = id;
                }
            }
            boolean[] accepting = new boolean[states.size()];
            for (int s = 0; s < states.size(); s++) {
                BitSet state = states.get(s);
                accepting[s] = state.intersects(root.last()) || state.get(start) && root.nullable();
            }
            return new MatchFilter(classOf, classes, Arrays.copyOf(next, states.size() * classes), accepting, exact);
        }
    }
}
