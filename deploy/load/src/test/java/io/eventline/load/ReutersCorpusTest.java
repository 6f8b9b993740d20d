package io.eventline.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** On invented lines in the corpus' shape: the Reuters text itself stays out of the project. */
class ReutersCorpusTest {

    @Test
    void eachStoryBecomesAnArticlePublishedAtItsOwnDate(@TempDir Path dir) throws Exception {
        ReutersCorpus corpus = ReutersCorpus.read(corpus(dir), "run1");

        ObjectNode article = corpus.article(0, "Reuters");

        assertThat(article.get("id").asText()).isEqualTo("reuters-run1-0-1");
        assertThat(article.get("title").asText()).isEqualTo("PORT REOPENS");
        assertThat(article.get("body").asText()).isEqualTo("The port reopened on March 2.");
        assertThat(article.get("publishedAt").asText()).isEqualTo("1987-03-03T10:15:00Z");
        assertThat(article.get("source").asText()).isEqualTo("Reuters");
        assertThat(article.get("url").asText()).startsWith("https://").endsWith("#1");
    }

    @Test
    void storiesWithoutTitleBodyOrDateAreLeftOut(@TempDir Path dir) throws Exception {
        assertThat(ReutersCorpus.read(corpus(dir), "run1").size()).isEqualTo(2);
    }

    @Test
    void aRunLongerThanTheCorpusSendsItAgainUnderNewIds(@TempDir Path dir) throws Exception {
        ReutersCorpus corpus = ReutersCorpus.read(corpus(dir), "run1");

        assertThat(corpus.article(2, "Reuters").get("id").asText()).isEqualTo("reuters-run1-1-1");
        assertThat(corpus.article(3, "Reuters probe").get("id").asText()).isEqualTo("reuters-run1-1-4");
        assertThat(corpus.article(3, "Reuters probe").get("source").asText()).isEqualTo("Reuters probe");
    }

    private static Path corpus(Path dir) throws Exception {
        Path file = dir.resolve("articles.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"newid\": 1, \"date\": \"1987-03-03T10:15:00\", \"title\": \"PORT REOPENS\", \"body\": \"The port reopened on March 2.\\n\"}",
                "{\"newid\": 2, \"date\": \"1987-03-03T10:16:00\", \"title\": \"\", \"body\": \"No title here.\"}",
                "{\"newid\": 3, \"date\": \"1987-03-03T10:17:00\", \"title\": \"NO BODY\", \"body\": null}",
                "",
                "{\"newid\": 4, \"date\": \"1987-03-04T08:00:00\", \"title\": \"TALKS END\", \"body\": \"Talks ended on Tuesday.\"}",
                "{\"newid\": 5, \"title\": \"NO DATE\", \"body\": \"Undated.\"}"));
        return file;
    }
}
