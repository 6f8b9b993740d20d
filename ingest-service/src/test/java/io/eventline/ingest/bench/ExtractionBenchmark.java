package io.eventline.ingest.bench;

import io.eventline.ingest.evaluation.SharedCorpora;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.service.ProductionExtraction;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the production {@link EventExtractor} on real news text: one operation extracts
 * one Reuters article (normalized as ingest does it, outside the measurement) with its own date,
 * round-robin over the whole corpus; the auxiliary counter {@code bytes} counts the UTF-8 bytes
 * extracted, so its rate is the text throughput. Run by {@link ExtractionBenchmarkMain}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractionBenchmark {

    /** The extractor the service uses (tagger and event builder), as {@code service.Extractors} builds it. */
    private final EventExtractor extractor = ProductionExtraction.extractor();

    private List<ReutersArticles.Article> articles;
    private int[] bytes;
    private int next;

    /** Bytes of text extracted, reported by JMH as a rate (bytes per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Processed {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void readArticles() {
        var corpora = SharedCorpora.folderWith(ReutersArticles.FILE)
                .orElseThrow(() -> new IllegalStateException(SharedCorpora.absence(ReutersArticles.FILE)));
        articles = ReutersArticles.read(corpora);
        bytes = articles.stream().mapToInt(a -> a.text().getBytes(StandardCharsets.UTF_8).length).toArray();
    }

    @Benchmark
    public Extraction extractOneArticle(Processed processed) {
        int index = next;
        next = index + 1 == articles.size() ? 0 : index + 1;
        ReutersArticles.Article article = articles.get(index);
        processed.bytes += bytes[index];
        return extractor.extract(article.text(), article.published());
    }
}
