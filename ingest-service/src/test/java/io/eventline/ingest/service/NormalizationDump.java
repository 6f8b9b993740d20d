package io.eventline.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.ingest.bench.ReutersArticles;
import io.eventline.ingest.evaluation.SharedCorpora;
import io.eventline.ingest.evaluation.TimemlDocument;
import io.eventline.ingest.evaluation.TimemlReader;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes, for a fixed set of bodies, what the normalizer makes of each: the normalized text and
 * its whole offset map (every {@link NormalizedText#originalOffset} and
 * {@link NormalizedText#originalEnd}), as a line of digests. A change of the normalizer meant
 * only for speed dumps before and after and compares the files byte for byte ({@code cmp}); the
 * {@code ExtractionDump} covers what the extractor makes of the texts. Not a test (it asserts
 * nothing); run it on demand from the project root with
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.ingest.service.NormalizationDump /tmp/normalization-before.txt"
 * </pre>
 *
 * <p>The bodies: every Reuters-21578 body as submitted, and each also as HTML (paragraphs in
 * {@code <p>}, with character references), the TBAQ-cleaned and WikiWars texts, the founding
 * articles, the 1 MB inputs of {@link ExtractionScalingTest}, the replayed fuzz inputs, and 40,000
 * generated bodies (plain and HTML) made of every kind of character the normalizer rewrites.
 */
public final class NormalizationDump {

    private static final String WSWS_FOOTER = "(?is)To contact the WSWS.{0,300}?wsws[.]org/contact";
    private static final int GENERATED = 40_000;
    private final ArticleTextNormalizer plain = new ArticleTextNormalizer("(?!)");
    private final ArticleTextNormalizer wsws = new ArticleTextNormalizer(WSWS_FOOTER);
    private final MessageDigest sha;
    private final PrintWriter out;

    private NormalizationDump(PrintWriter out) throws NoSuchAlgorithmException {
        this.out = out;
        this.sha = MessageDigest.getInstance("SHA-256");
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length != 1) {
            System.err.println("usage: NormalizationDump <output file>");
            System.exit(2);
        }
        try (BufferedWriter file = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(file)) {
            new NormalizationDump(out).dumpAll();
        }
    }

    private void dumpAll() throws IOException {
        Path corpora = SharedCorpora.folderWith(ReutersArticles.FILE, "tbaq-cleaned", "wikiwars-tml")
                .orElseThrow(() -> new IllegalStateException(
                        SharedCorpora.absence(ReutersArticles.FILE, "tbaq-cleaned", "wikiwars-tml")));
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = Files.newBufferedReader(corpora.resolve(ReutersArticles.FILE), StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; (line = lines.readLine()) != null; i++) {
                JsonNode article = json.readTree(line);
                String body = article.path("body").asText("");
                dump("reuters/" + i, plain, body);
                dump("reuters-html/" + i, plain, asHtml(body));
            }
        }
        TimemlReader reader = new TimemlReader();
        for (String corpus : List.of("tbaq-cleaned", "wikiwars-tml")) {
            for (TimemlDocument document : reader.readCorpus(corpora.resolve(corpus))) {
                dump(corpus + "/" + document.name(), plain, document.text());
            }
        }
        try (Stream<Path> seeds = Files.list(SharedCorpora.seeds())) {
            for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                dump("seeds/" + seed.getFileName(), wsws, Files.readString(seed));
            }
        }
        Stream.concat(ExtractionScalingTest.bodies(), ExtractionScalingTest.onceBroken()).forEach(arguments -> {
            Object[] nameAndBody = arguments.get();
            dump("hostile/" + nameAndBody[0], wsws, (String) nameAndBody[1]);
        });
        Path fuzzInputs = Path.of("src/test/resources/io/eventline/ingest/service/ExtractionFuzzTestInputs");
        if (Files.isDirectory(fuzzInputs)) {
            try (Stream<Path> files = Files.walk(fuzzInputs)) {
                for (Path input : files.filter(Files::isRegularFile).sorted().toList()) {
                    dump("fuzz/" + input.getFileName(), wsws, Files.readString(input, StandardCharsets.ISO_8859_1));
                }
            }
        }
        Random random = new Random(20261121);
        for (int i = 0; i < GENERATED; i++) {
            boolean html = i % 2 == 1;
            dump("generated/" + i, i % 4 < 2 ? wsws : plain, GeneratedBodies.generate(random, html, 40));
        }
    }

    /** A plain body as a page would carry it: paragraphs in {@code <p>}, some characters as references. */
    private static String asHtml(String body) {
        String escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&rsquo;");
        return "<html><body><article><p>" + escaped.replace("\n\n", "</p>\n<p>").replace("\n", "<br>\n")
                + "</p></article><footer>Reuters</footer></body></html>";
    }

    private void dump(String name, ArticleTextNormalizer normalizer, String body) {
        NormalizedText normalized = normalizer.normalize(body);
        String text = normalized.text();
        ByteBuffer map = ByteBuffer.allocate(8 * (text.length() + 1));
        for (int i = 0; i <= text.length(); i++) {
            map.putInt(normalized.originalOffset(i)).putInt(normalized.originalEnd(i));
        }
        out.println(name + " " + body.length() + " " + text.length() + " " + digest(text.getBytes(StandardCharsets.UTF_8))
                + " " + digest(map.array()));
    }

    private String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha.digest(bytes), 0, 12);
    }
}
