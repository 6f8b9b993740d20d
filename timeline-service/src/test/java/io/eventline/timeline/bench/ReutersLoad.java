package io.eventline.timeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Article messages made at run time from the Reuters-21578 articles of the shared corpora (research
 * use only: read from {@code ../shared/corpora}, never copied into the repository), as ingest-service
 * would publish them: each Reuters article's sentences become its events, dated on or around its own
 * date (some by month, year or an earlier year); a share of the events is reported again, reworded,
 * by 1 to 4 other outlets a few hours later (2 to 5 outlets in all); some articles get a second
 * version. Messages come in publication order, as news does.
 */
final class ReutersLoad {

    static final String FILE = "reuters21578/articles.jsonl";
    static final String PROPERTY = "eventline.corpora";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"])");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*\\b");
    private static final String[] OUTLETS = {"AP", "AFP", "Bloomberg", "BBC", "The Guardian", "Le Monde", "Dow Jones", "Kyodo"};
    private static final int MAX_EVENTS = 8;

    /** One message to apply: its key (the article id), its value, and how many events it carries. */
    record Message(String key, byte[] value, int events, Instant publishedAt) {
    }

    /** What was generated. */
    record Load(List<Message> messages, int sourceArticles, int events, int duplicateReports, int secondVersions) {
    }

    private record Source(int newId, LocalDateTime date, String title, List<String> sentences) {
    }

    private ReutersLoad() {
    }

    static Optional<Path> corpora() {
        String configured = System.getProperty(PROPERTY);
        Stream<String> candidates = configured != null && !configured.isBlank()
                ? Stream.of(configured) : Stream.of("../../shared/corpora", "../shared/corpora");
        return candidates.map(p -> Path.of(p).toAbsolutePath().normalize())
                .filter(p -> Files.exists(p.resolve(FILE))).findFirst();
    }

    /**
     * The first {@code limit} messages of a recorded topic (lines "timestamp, key, value" separated by tabs, in
     * the order the broker received them): what ingest-service really made of the articles a load run sent.
     */
    static Load recorded(Path file, int limit) {
        List<Message> messages = new ArrayList<>();
        int events = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (messages.size() < limit && (line = lines.readLine()) != null) {
                String[] fields = line.split("\t", 3);
                JsonNode value = JSON.readTree(fields[2]);
                int count = value.path("events").size();
                events += count;
                Instant published = value.path("article").hasNonNull("publishedAt")
                        ? Instant.parse(value.path("article").path("publishedAt").asText()) : Instant.EPOCH;
                messages.add(new Message(fields[1], fields[2].getBytes(StandardCharsets.UTF_8), count, published));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Load(messages, messages.size(), events, 0, 0);
    }

    /**
     * @param articles        Reuters articles to take (in date order, consecutive from the first: busy news days)
     * @param duplicateShare  share of events reported again by other outlets
     * @param secondVersions  share of articles that get a second version
     * @param corpusOrder     the articles as the corpus file lists them, and the messages in that order
     *                        (as the load driver replays them: dates out of order, many late reports),
     *                        instead of in publication order
     */
    static Load generate(Path corpora, int articles, double duplicateShare, double secondVersions, long seed,
                         boolean corpusOrder) {
        List<Source> sources = read(corpora, corpusOrder).stream().limit(articles).toList();
        Random random = new Random(seed);
        List<Message> messages = new ArrayList<>();
        int events = 0;
        int duplicates = 0;
        int versions = 0;
        for (Source source : sources) {
            Instant published = source.date.toInstant(ZoneOffset.UTC);
            String id = "reuters-" + source.newId;
            List<ObjectNode> own = new ArrayList<>();
            List<List<ObjectNode>> byOutlet = new ArrayList<>();
            for (int i = 0; i < OUTLETS.length; i++) {
                byOutlet.add(new ArrayList<>());
            }
            for (String sentence : source.sentences) {
                ObjectNode event = event(sentence, dateOf(source.date.toLocalDate(), random), random);
                own.add(event);
                if (random.nextDouble() < duplicateShare) {
                    int others = 1 + random.nextInt(4);
                    int first = random.nextInt(OUTLETS.length);
                    for (int k = 0; k < others; k++) {
                        ObjectNode copy = event.deepCopy();
                        copy.put("text", reworded(sentence, random));
                        byOutlet.get((first + k) % OUTLETS.length).add(copy);
                        duplicates++;
                    }
                }
            }
            messages.add(message(id, 1, "Reuters", source.title, published, own));
            events += own.size();
            for (int i = 0; i < OUTLETS.length; i++) {
                if (!byOutlet.get(i).isEmpty()) {
                    Instant later = published.plus(10 + random.nextInt(350), ChronoUnit.MINUTES);
                    String outletId = id + "-" + OUTLETS[i].toLowerCase().replace(' ', '-');
                    messages.add(message(outletId, 1, OUTLETS[i], source.title, later, byOutlet.get(i)));
                    events += byOutlet.get(i).size();
                }
            }
            if (own.size() > 1 && random.nextDouble() < secondVersions) {
                // a correction a day later: the last event withdrawn, the first reworded
                List<ObjectNode> corrected = new ArrayList<>(own.subList(0, own.size() - 1));
                ObjectNode first = corrected.get(0).deepCopy();
                first.put("text", reworded(first.get("text").asText(), random));
                corrected.set(0, first);
                messages.add(message(id, 2, "Reuters", source.title, published.plus(1, ChronoUnit.DAYS), corrected));
                events += corrected.size();
                versions++;
            }
        }
        if (!corpusOrder) {
            messages.sort(Comparator.comparing(Message::publishedAt));
        }
        return new Load(messages, sources.size(), events, duplicates, versions);
    }

    private static List<Source> read(Path corpora, boolean corpusOrder) {
        List<Source> sources = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(corpora.resolve(FILE), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode article = JSON.readTree(line);
                String body = article.path("body").asText("").replaceAll("\\s+", " ").trim();
                String date = article.path("date").asText("");
                String title = article.path("title").asText("");
                if (body.isBlank() || date.length() < 19 || title.isBlank()) {
                    continue;
                }
                List<String> sentences = Stream.of(SENTENCE_END.split(body))
                        .filter(s -> s.length() >= 40 && s.length() <= 400).limit(MAX_EVENTS).toList();
                if (!sentences.isEmpty()) {
                    sources.add(new Source(article.path("newid").asInt(), LocalDateTime.parse(date.substring(0, 19)),
                            title, sentences));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!corpusOrder) {
            sources.sort(Comparator.comparing(Source::date).thenComparing(Source::newId));
        }
        return sources;
    }

    /** Most events on the article's day or the days before; some by month or year; a few in earlier years. */
    private static String[] dateOf(LocalDate published, Random random) {
        double r = random.nextDouble();
        if (r < 0.55) {
            return day(published);
        }
        if (r < 0.70) {
            return day(published.minusDays(1 + random.nextInt(7)));
        }
        if (r < 0.85) {
            YearMonth month = YearMonth.from(published);
            return new String[] {month.toString(), "month", month.atDay(1).toString(), month.atEndOfMonth().toString()};
        }
        int year = r < 0.95 ? published.getYear() : 1950 + random.nextInt(37);
        return new String[] {String.valueOf(year), "year", year + "-01-01", year + "-12-31"};
    }

    private static String[] day(LocalDate day) {
        return new String[] {day.toString(), "day", day.toString(), day.toString()};
    }

    private static ObjectNode event(String text, String[] date, Random random) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode d = event.putObject("date");
        d.put("value", date[0]);
        d.put("granularity", date[1]);
        d.put("start", date[2]);
        d.put("end", date[3]);
        event.put("text", text);
        ObjectNode expression = event.putObject("expression");
        expression.put("text", date[0]);
        expression.put("type", "DATE");
        expression.put("value", date[0]);
        expression.put("start", 0);
        expression.put("end", date[0].length());
        expression.put("rule", "bench");
        ObjectNode sentence = event.putObject("sentence");
        sentence.put("start", 0);
        sentence.put("end", text.length());
        ArrayNode entities = event.putArray("entities");
        Matcher names = NAME.matcher(text);
        names.find(); // the sentence's first word is capitalized anyway
        int count = 0;
        while (names.find() && count < 4) {
            entities.addObject().put("text", names.group()).put("type", random.nextBoolean() ? "ORGANIZATION" : "LOCATION");
            count++;
        }
        event.put("confidence", 0.9);
        return event;
    }

    /** Another outlet's wording: a word or two left out, "said" as "says", an attribution added. */
    private static String reworded(String text, Random random) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0 && i < words.length - 1 && random.nextDouble() < 0.08) {
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(words[i].equals("said") ? "says" : words[i]);
        }
        if (random.nextBoolean()) {
            out.append(" (sources)");
        }
        return out.toString();
    }

    private static Message message(String id, long version, String outlet, String title, Instant published,
                                   List<ObjectNode> events) {
        ObjectNode message = JSON.createObjectNode();
        message.put("schemaVersion", 1);
        message.put("kind", "ARTICLE_VERSION");
        message.put("articleId", id);
        message.put("version", version);
        message.put("acceptedAt", published.plusSeconds(30).toString());
        message.put("extractor", "bench/1");
        ObjectNode article = message.putObject("article");
        article.put("id", id);
        article.put("url", "https://news.example/" + id);
        article.put("title", title);
        article.put("publishedAt", published.toString());
        article.put("source", outlet);
        article.put("language", "en");
        ArrayNode array = message.putArray("events");
        events.forEach(array::add);
        try {
            return new Message(id, JSON.writeValueAsBytes(message), events.size(), published);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
