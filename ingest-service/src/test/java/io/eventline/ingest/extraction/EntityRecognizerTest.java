package io.eventline.ingest.extraction;

import io.eventline.ingest.extraction.EventEntity.Kind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityRecognizerTest {

    private static final Path SEEDS = io.eventline.ingest.evaluation.SharedCorpora.seeds();

    private final EntityRecognizer recognizer = EntityRecognizer.english();

    @Test
    void shouldFindPeopleByTitleAndKeepTheTitleOut() {
        assertThat(recognizer.entities("Mexican President Claudia Sheinbaum responded on Wednesday."))
                .containsExactly(new EventEntity("Claudia Sheinbaum", Kind.PERSON));
        assertThat(recognizer.entities("On Wednesday, Gen. Gregory M. Guillot, commander of the US Northern Command, met him."))
                .containsExactly(new EventEntity("Gregory M. Guillot", Kind.PERSON),
                        new EventEntity("US Northern Command", Kind.ORGANIZATION));
        assertThat(recognizer.entities("It was House Minority Leader Hakeem Jeffries who spoke."))
                .containsExactly(new EventEntity("Hakeem Jeffries", Kind.PERSON));
    }

    @Test
    void shouldFindPlacesAndOrganizationsFromTheGazetteers() {
        assertThat(recognizer.entities("The flights, targeted by the Pentagon and CIA, went over Mexico and El Salvador."))
                .containsExactly(new EventEntity("Pentagon", Kind.ORGANIZATION), new EventEntity("CIA", Kind.ORGANIZATION),
                        new EventEntity("Mexico", Kind.PLACE), new EventEntity("El Salvador", Kind.PLACE));
    }

    @Test
    void shouldNotTakeCalendarWordsOrSentenceOpenersForEntities() {
        assertThat(recognizer.entities("According to the report, On Wednesday in February the Monday meeting ended."))
                .isEmpty();
        assertThat(recognizer.entities("Revealing the wide net, Despite concerns, The move came in January.")).isEmpty();
    }

    @Test
    void shouldClassifyUnknownNamesByTheirShapeAndHeadWord() {
        assertThat(recognizer.entities("He deployed a Stryker Brigade combat team, said Colby Jenkins, citing the Monroe Doctrine."))
                .containsExactly(new EventEntity("Stryker Brigade", Kind.ORGANIZATION),
                        new EventEntity("Colby Jenkins", Kind.PERSON), new EventEntity("Monroe Doctrine", Kind.OTHER));
        assertThat(recognizer.entities("This followed the approval by the Mexican Senate and the Mexican Army."))
                .containsExactly(new EventEntity("Mexican Senate", Kind.ORGANIZATION),
                        new EventEntity("Mexican Army", Kind.ORGANIZATION));
    }

    @Test
    void shouldStripPossessivesAndSplitHyphenatedModifiers() {
        assertThat(recognizer.entities("In Trump's order, CIA-operated drones flew over Mexico's north."))
                .containsExactly(new EventEntity("Trump", Kind.PERSON), new EventEntity("CIA", Kind.ORGANIZATION),
                        new EventEntity("Mexico", Kind.PLACE));
    }

    @Test
    void shouldKnowASurnameOnceTheDocumentNamedThePersonInFull() {
        List<EventEntity> entities = recognizer.entities(
                "The officials cited Colby Jenkins at the hearing. Jenkins noted that the military can provide options.");

        assertThat(entities).containsExactly(new EventEntity("Colby Jenkins", Kind.PERSON), new EventEntity("Jenkins", Kind.PERSON));
    }

    @Test
    void shouldTakeASingleNameBeforeAdministrationForAPerson() {
        assertThat(recognizer.entities("It began under the Obradorez administration last year."))
                .containsExactly(new EventEntity("Obradorez", Kind.PERSON));
    }

    @Test
    void shouldGiveTheMentionOffsets() {
        String text = "Officials in Mexico City met.";
        List<EntityRecognizer.Mention> mentions = recognizer.mentions(text);

        assertThat(mentions).singleElement().satisfies(mention -> {
            assertThat(text.substring(mention.start(), mention.end())).isEqualTo("Mexico City");
            assertThat(mention.entity().kind()).isEqualTo(Kind.PLACE);
        });
    }

    @Test
    void shouldFindTheNamesOfTheFirstFoundingArticle() throws IOException {
        Path seed = SEEDS.resolve("000_907d752312129e1f.txt");
        if (!Files.isReadable(seed)) {
            String reason = "skipped: the founding article " + seed + " is not available here";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        List<EventEntity> entities = recognizer.entities(Files.readString(seed));

        assertThat(entities).contains(new EventEntity("Sheinbaum", Kind.PERSON), new EventEntity("Claudia Sheinbaum", Kind.PERSON),
                new EventEntity("Mexico", Kind.PLACE), new EventEntity("CIA", Kind.ORGANIZATION),
                new EventEntity("Pentagon", Kind.ORGANIZATION), new EventEntity("Trump", Kind.PERSON));
        assertThat(entities).extracting(EventEntity::text)
                .doesNotContain("Wednesday", "February", "According", "The", "On", "Despite")
                .noneMatch(text -> text.contains("Wednesday") || text.contains("February"));
    }

    @Test
    void shouldFindTheNamesOfTheSecondFoundingArticle() throws IOException {
        Path seed = SEEDS.resolve("001_fd74f7ae060cd053.txt");
        if (!Files.isReadable(seed)) {
            String reason = "skipped: the founding article " + seed + " is not available here";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        List<EventEntity> entities = recognizer.entities(Files.readString(seed));

        assertThat(entities).contains(new EventEntity("Pentagon", Kind.ORGANIZATION), new EventEntity("NBC News", Kind.ORGANIZATION),
                new EventEntity("Colby Jenkins", Kind.PERSON), new EventEntity("Jenkins", Kind.PERSON),
                new EventEntity("Pete Hegseth", Kind.PERSON), new EventEntity("Hakeem Jeffries", Kind.PERSON),
                new EventEntity("Johnson", Kind.PERSON), new EventEntity("Veracruz", Kind.PLACE),
                new EventEntity("El Salvador", Kind.PLACE), new EventEntity("Al Jazeera", Kind.ORGANIZATION),
                new EventEntity("Sheinbaum", Kind.PERSON), new EventEntity("Mexico", Kind.PLACE));
        assertThat(entities).extracting(EventEntity::text)
                .noneMatch(text -> text.contains("Tuesday") || text.contains("March") || text.contains("April"))
                .doesNotContain("According", "The", "On", "Several", "Threats", "Politics");
    }

    /** The written-out tokenizer finds exactly what its pattern finds, on text full of its edge cases. */
    @Test
    void shouldTokenizeExactlyAsTheTokenPattern() {
        String alphabet = "aZ9.-'\u2019 U.S.\u00e9\u0301\u01c5\u0663\ud835\udc00\ud801\udc00\u00bd,(";
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            java.util.regex.Matcher matcher = EntityRecognizer.TOKEN.matcher(text);
            for (int at = 0; at < text.length(); at++) {
                boolean matches = matcher.region(at, text.length()).lookingAt();
                assertThat(EntityRecognizer.tokenEnd(text.toString(), at)).as("at %d of \"%s\"", at, text)
                        .isEqualTo(matches ? matcher.end() : -1);
            }
        }
    }
}
