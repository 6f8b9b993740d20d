package io.eventline.timeline.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.timeline.MentionedEntity;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CPU of deciding placements, as the consumer does it, before and after in one run: the code as it
 * was ({@link ReferenceClustering}) and as it is ({@link EventClustering}), taking turns, place each
 * newcomer among the events of a neighbourhood of Reuters-21578 sentences of one day (read at run time
 * from {@code ../shared/corpora}, research use only, never committed), with capitalized names as entities
 * and 30 % of the newcomers another outlet's rewording of a sentence of the neighbourhood. Prints the
 * thread's CPU time per placement (median of the rounds) and checks both give the same placements.
 *
 * <pre>
 * ./mvnw -B -o -pl timeline-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath io.eventline.timeline.dedup.PlacementBenchmark [neighbourhood reports] [rounds]"
 * </pre>
 */
public final class PlacementBenchmark {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"])");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*\\b");
    private static final int NEWCOMERS = 100;

    private PlacementBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int neighbourhood = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path corpus = Stream.of("../../shared/corpora", "../shared/corpora")
                .map(p -> Path.of(p, "reuters21578/articles.jsonl")).filter(Files::exists).findFirst().orElse(null);
        if (corpus == null) {
            System.out.println("PlacementBenchmark: no Reuters-21578 corpus under ../shared/corpora: skipped");
            return;
        }
        List<String> sentences = sentences(corpus, neighbourhood + NEWCOMERS);
        Random random = new Random(3);
        List<Mention> reports = new ArrayList<>();
        for (int i = 0; i < neighbourhood; i++) {
            reports.add(mention("n" + i, i, sentences.get(i)));
        }
        List<Mention> newcomers = new ArrayList<>();
        for (int i = 0; i < NEWCOMERS; i++) {
            String text = random.nextDouble() < 0.3
                    ? reworded(sentences.get(random.nextInt(neighbourhood)), random) : sentences.get(neighbourhood + i);
            newcomers.add(mention("c" + i, neighbourhood + 1, text));
        }
        EventClustering fast = new EventClustering(new SameEventJudge());
        ReferenceClustering before = new ReferenceClustering(new ReferenceJudge());
        List<List<Mention>> events = fast.cluster(reports);
        if (!events.equals(before.cluster(reports))) {
            throw new AssertionError("the events differ");
        }
        long joined = newcomers.stream().filter(m -> fast.place(m, events).isPresent()).count();
        System.out.printf(Locale.ROOT, "neighbourhood: %d reports in %d events; %d newcomers, %d of them join an event%n",
                reports.size(), events.size(), newcomers.size(), joined);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] beforeMicros = new double[rounds];
        double[] afterMicros = new double[rounds];
        for (int round = -3; round < rounds; round++) { // 3 rounds of warm-up
            long t0 = threads.getCurrentThreadCpuTime();
            OptionalInt[] expected = new OptionalInt[NEWCOMERS];
            for (int i = 0; i < NEWCOMERS; i++) {
                expected[i] = before.place(newcomers.get(i), events);
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < NEWCOMERS; i++) {
                if (!fast.place(newcomers.get(i), events).equals(expected[i])) {
                    throw new AssertionError("placement " + i + " differs");
                }
            }
            long t2 = threads.getCurrentThreadCpuTime();
            if (round >= 0) {
                beforeMicros[round] = (t1 - t0) / 1e3 / NEWCOMERS;
                afterMicros[round] = (t2 - t1) / 1e3 / NEWCOMERS;
            }
        }
        double b = median(beforeMicros);
        double a = median(afterMicros);
        System.out.printf(Locale.ROOT, "CPU per placement, median of %d rounds: before %.0f us, after %.0f us (%.1f times less)%n",
                rounds, b, a, b / a);
    }

    private static List<String> sentences(Path corpus, int wanted) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> sentences = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while (sentences.size() < wanted && (line = lines.readLine()) != null) {
                JsonNode article = json.readTree(line);
                String body = article.path("body").asText("").replaceAll("\\s+", " ").trim();
                Stream.of(SENTENCE_END.split(body)).filter(s -> s.length() >= 40 && s.length() <= 400).limit(8)
                        .forEach(sentences::add);
            }
        }
        if (sentences.size() < wanted) {
            throw new IllegalStateException("the corpus has only " + sentences.size() + " sentences");
        }
        return sentences.subList(0, wanted);
    }

    private static Mention mention(String id, int minute, String text) {
        List<MentionedEntity> entities = new ArrayList<>();
        Matcher names = NAME.matcher(text);
        while (names.find()) {
            if (names.start() > 0) { // a sentence's first word is capitalized anyway
                entities.add(new MentionedEntity(names.group(), "ORG"));
            }
        }
        LocalDate day = LocalDate.of(1987, 2, 26);
        return Mention.of(new Report(id, "article-" + id, "outlet", Instant.parse("1987-02-26T00:00:00Z").plusSeconds(60L * minute),
                0, text.length(), new ReportedDate(day.toString(), "day", day, day), text, entities));
    }

    /** Another outlet's wording: a few words dropped. */
    private static String reworded(String sentence, Random random) {
        List<String> words = new ArrayList<>(List.of(sentence.split(" ")));
        for (int drop = 0; drop < words.size() / 6 && words.size() > 3; drop++) {
            words.remove(1 + random.nextInt(words.size() - 2));
        }
        return String.join(" ", words);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
