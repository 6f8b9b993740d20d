package io.eventline.timeline.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.timeline.MentionedEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labelled reports of {@code src/test/resources/dedup/mentions.jsonl} (format in the README next
 * to it): each report carries the event it reports, and every two reports of one scenario (a date
 * neighbourhood) make a labelled pair: same event or not.
 */
record LabelledSet(List<LabelledMention> mentions) {

    record LabelledMention(String scenario, String event, String source, Mention mention) {
        String describe() {
            Report r = mention.report();
            return "[" + event + " | " + r.outlet() + " | " + r.date().value() + "] " + r.text();
        }
    }

    record Pair(LabelledMention a, LabelledMention b) {
        boolean sameEvent() {
            return a.event().equals(b.event());
        }
    }

    static LabelledSet load(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<LabelledMention> mentions = new ArrayList<>();
        List<String> lines = PhraseTable.resourceLines(resource);
        try {
            for (int number = 1; number <= lines.size(); number++) {
                String line = lines.get(number - 1);
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String scenario = node.get("scenario").asText();
                List<MentionedEntity> entities = new ArrayList<>();
                node.get("entities").forEach(e -> {
                    String[] typed = e.asText().split(":", 2);
                    entities.add(new MentionedEntity(typed[1], typed[0]));
                });
                String id = "L" + number;
                Report report = new Report(id, "article-" + id, node.get("outlet").asText(),
                        Instant.parse(node.get("published").asText()), 0, node.get("text").asText().length(),
                        timeMl(node.get("date").asText()), node.get("text").asText(), entities);
                mentions.add(new LabelledMention(scenario, node.get("event").asText(), node.get("source").asText(),
                        Mention.of(report)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledSet(List.copyOf(mentions));
    }

    Map<String, List<LabelledMention>> byScenario() {
        Map<String, List<LabelledMention>> scenarios = new TreeMap<>();
        mentions.forEach(m -> scenarios.computeIfAbsent(m.scenario(), s -> new ArrayList<>()).add(m));
        return scenarios;
    }

    static List<Pair> pairs(Collection<List<LabelledMention>> scenarios) {
        List<Pair> pairs = new ArrayList<>();
        for (List<LabelledMention> scenario : scenarios) {
            for (int i = 0; i < scenario.size(); i++) {
                for (int j = i + 1; j < scenario.size(); j++) {
                    pairs.add(new Pair(scenario.get(i), scenario.get(j)));
                }
            }
        }
        return pairs;
    }

    /** The TimeML values the set uses: day, month, year, decade (3 digits), century (2), interval (a/b). */
    static ReportedDate timeMl(String value) {
        if (value.contains("/")) {
            String[] ends = value.split("/");
            return new ReportedDate(value, "interval", timeMl(ends[0]).start(), timeMl(ends[1]).end());
        }
        return switch (value.length()) {
            case 10 -> new ReportedDate(value, "day", LocalDate.parse(value), LocalDate.parse(value));
            case 7 -> {
                YearMonth month = YearMonth.parse(value);
                yield new ReportedDate(value, "month", month.atDay(1), month.atEndOfMonth());
            }
            case 4 -> new ReportedDate(value, "year", LocalDate.of(Integer.parseInt(value), 1, 1),
                    LocalDate.of(Integer.parseInt(value), 12, 31));
            case 3 -> new ReportedDate(value, "decade", LocalDate.of(Integer.parseInt(value) * 10, 1, 1),
                    LocalDate.of(Integer.parseInt(value) * 10 + 9, 12, 31));
            case 2 -> new ReportedDate(value, "century", LocalDate.of(Integer.parseInt(value) * 100, 1, 1),
                    LocalDate.of(Integer.parseInt(value) * 100 + 99, 12, 31));
            default -> throw new IllegalArgumentException("unsupported TimeML value in the set: " + value);
        };
    }
}
