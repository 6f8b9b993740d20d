package io.eventline.ingest.bench;

import io.eventline.ingest.evaluation.SharedCorpora;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs {@link ExtractionBenchmark} and prints the extraction throughput in MB of text per second
 * (single thread). Not a test: run it on demand, from the project root, with
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.ingest.bench.ExtractionBenchmarkMain"
 * </pre>
 * Any JMH option can follow the class name in {@code exec.args} ({@code -prof stack}, {@code -i 10}).
 * Without the Reuters corpus it prints why and exits.
 */
public final class ExtractionBenchmarkMain {

    private ExtractionBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Optional<Path> corpora = SharedCorpora.folderWith(ReutersArticles.FILE);
        if (corpora.isEmpty()) {
            System.out.println("Extraction benchmark skipped: " + SharedCorpora.absence(ReutersArticles.FILE));
            return;
        }
        var articles = ReutersArticles.read(corpora.get());
        System.out.printf(Locale.ROOT, "Reuters-21578: %d articles, %.1f MB of normalized text; %d processors%n",
                articles.size(), ReutersArticles.megabytes(articles), Runtime.getRuntime().availableProcessors());

        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args)) // any JMH option: -prof stack, -i 10, -f 2 ...
                .include(ExtractionBenchmark.class.getName())
                // the forked JVM runs elsewhere than Maven's working directory may suggest
                .jvmArgsAppend("-D" + SharedCorpora.PROPERTY + "=" + corpora.get())
                .build()).run();

        for (RunResult result : results) {
            Result<?> articlesPerSecond = result.getPrimaryResult();
            Result<?> bytesPerSecond = result.getSecondaryResults().get("bytes");
            System.out.printf(Locale.ROOT, "%nExtraction throughput (1 thread): %.2f MB/s (+- %.2f), %.0f articles/s%n",
                    bytesPerSecond.getScore() / 1e6, bytesPerSecond.getScoreError() / 1e6, articlesPerSecond.getScore());
        }
    }
}
