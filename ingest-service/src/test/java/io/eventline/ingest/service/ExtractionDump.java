package io.eventline.ingest.service;

import io.eventline.ingest.bench.ReutersArticles;
import io.eventline.ingest.evaluation.SharedCorpora;
import io.eventline.ingest.evaluation.TimemlDocument;
import io.eventline.ingest.evaluation.TimemlReader;
import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.timex.RuleBasedTagger;
import io.eventline.ingest.timex.TemporalRange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes everything the extraction produces for a fixed set of inputs to one file, so that a
 * change meant only for speed can be shown to change no output: dump before, dump after, compare
 * the two files byte for byte. Not a test (it asserts nothing); run it on demand from the project
 * root with
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.ingest.service.ExtractionDump /tmp/extraction-before.txt"
 * </pre>
 *
 * <p>The inputs: every Reuters-21578 article with its own date (as the benchmark reads them), the
 * TBAQ-cleaned and WikiWars documents of the evaluation with their creation dates (tagged both as
 * the evaluation does, without sentences, and by the extractor), the founding articles of
 * {@code ../shared/seeds}, the 1 MB inputs of {@link ExtractionScalingTest} and the replayed fuzz
 * inputs (read as UTF-8 text, on two dates). For each: the expressions (offsets, text, type, value,
 * rule), the ranges, and the events with all their fields.
 */
public final class ExtractionDump {

    private static final LocalDate HOSTILE_DATE = LocalDate.of(2025, 2, 20);

    private final EventExtractor extractor = ProductionExtraction.extractor();
    private final RuleBasedTagger tagger = new RuleBasedTagger();
    private final PrintWriter out;

    private ExtractionDump(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ExtractionDump <output file>");
            System.exit(2);
        }
        try (BufferedWriter file = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(file)) {
            new ExtractionDump(out).dumpAll();
        }
    }

    private void dumpAll() throws IOException {
        Path corpora = SharedCorpora.folderWith(ReutersArticles.FILE, "tbaq-cleaned", "wikiwars-tml")
                .orElseThrow(() -> new IllegalStateException(
                        SharedCorpora.absence(ReutersArticles.FILE, "tbaq-cleaned", "wikiwars-tml")));
        List<ReutersArticles.Article> articles = ReutersArticles.read(corpora);
        for (int i = 0; i < articles.size(); i++) {
            extraction("reuters/" + i, articles.get(i).text(), articles.get(i).published());
        }
        TimemlReader reader = new TimemlReader();
        for (String corpus : List.of("tbaq-cleaned", "wikiwars-tml")) {
            for (TimemlDocument document : reader.readCorpus(corpora.resolve(corpus))) {
                String name = corpus + "/" + document.name();
                out.println("== " + name + " (tagger alone)");
                tagger.tag(document.text(), document.creationDate()).forEach(out::println);
                extraction(name, document.text(), document.creationDate());
            }
        }
        ArticleTextNormalizer seedNormalizer =
                new ArticleTextNormalizer("(?is)To contact the WSWS.{0,300}?wsws[.]org/contact");
        try (Stream<Path> seeds = Files.list(SharedCorpora.seeds())) {
            for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = seedNormalizer.normalize(Files.readString(seed)).text();
                extraction("seeds/" + seed.getFileName(), text, HOSTILE_DATE);
            }
        }
        Stream.concat(ExtractionScalingTest.bodies(), ExtractionScalingTest.onceBroken()).forEach(arguments -> {
            Object[] nameAndBody = arguments.get();
            extraction("hostile/" + nameAndBody[0], seedNormalizer.normalizeBody((String) nameAndBody[1]), HOSTILE_DATE);
        });
        Path fuzzInputs = Path.of("src/test/resources/io/eventline/ingest/service/ExtractionFuzzTestInputs");
        if (Files.isDirectory(fuzzInputs)) {
            try (Stream<Path> files = Files.walk(fuzzInputs)) {
                for (Path input : files.filter(Files::isRegularFile).sorted().toList()) {
                    String text = seedNormalizer.normalizeBody(Files.readString(input, StandardCharsets.ISO_8859_1));
                    extraction("fuzz/" + input.getFileName(), text, HOSTILE_DATE);
                    extraction("fuzz/" + input.getFileName() + " (year 1)", text, LocalDate.of(1, 1, 1));
                }
            }
        }
    }

    private void extraction(String name, String text, LocalDate date) {
        out.println("== " + name + " " + date);
        Extraction extraction = extractor.extract(text, date);
        extraction.expressions().forEach(out::println);
        for (TemporalRange range : tagger.tagWithRanges(text, date).ranges()) {
            out.println(range);
        }
        for (DatedEvent event : extraction.events()) {
            out.println(event);
        }
    }
}
