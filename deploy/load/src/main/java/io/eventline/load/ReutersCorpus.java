package io.eventline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Reuters-21578 articles (research use only: read at run time, never copied into the project),
 * as the articles the API takes, each published at its own date. A run longer than the corpus starts
 * it again under new ids, so every request is a new article rather than a new version of one.
 */
final class ReutersCorpus {

    static final String SOURCE = "Reuters";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Story> stories;
    private final String runId;

    record Story(String newId, String title, String body, String publishedAt) {
    }

    ReutersCorpus(List<Story> stories, String runId) {
        if (stories.isEmpty()) {
            throw new IllegalArgumentException("no usable article in the corpus");
        }
        this.stories = stories;
        this.runId = runId;
    }

    /** Reads the JSON lines, keeping the stories that have a title, a body and a date. */
    static ReutersCorpus read(Path file, String runId) {
        List<Story> stories = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    story(JSON.readTree(line), stories);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return new ReutersCorpus(stories, runId);
    }

    private static void story(JsonNode line, List<Story> stories) {
        String title = line.path("title").asText("").strip();
        String body = line.path("body").asText("").strip();
        String date = line.path("date").asText("");
        if (!title.isEmpty() && !body.isEmpty() && date.length() >= 19) {
            // The corpus' dates are local times without a zone; the articles went out from many bureaus.
            stories.add(new Story(line.path("newid").asText(), title, body, date.substring(0, 19) + "Z"));
        }
    }

    int size() {
        return stories.size();
    }

    /** The same stories under another run id, so a new run's articles are new articles. */
    ReutersCorpus forRun(String otherRunId) {
        return new ReutersCorpus(stories, otherRunId);
    }

    /** The {@code n}-th article of the run (from 0), as the JSON body of {@code POST /api/v1/articles}. */
    ObjectNode article(long n, String source) {
        Story story = stories.get((int) (n % stories.size()));
        long lap = n / stories.size();
        ObjectNode article = JSON.createObjectNode();
        article.put("id", "reuters-" + runId + "-" + lap + "-" + story.newId());
        article.put("url", "https://archive.ics.uci.edu/dataset/137/reuters-21578+text+categorization+collection#" + story.newId());
        article.put("title", story.title());
        article.put("body", story.body());
        article.put("publishedAt", story.publishedAt());
        article.put("source", source);
        article.put("language", "en");
        return article;
    }
}
