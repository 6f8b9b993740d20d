package io.eventline.ingest.bench;

import io.eventline.ingest.evaluation.SharedCorpora;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Compares two builds of the extractor on the Reuters articles by CPU time, for a machine too
 * busy for {@link ExtractionBenchmark}'s wall-clock figures (on the shared 2-core machine they
 * swing by a factor of three). Both builds are loaded in this JVM, each from its own
 * {@code classes} and {@code test-classes} folders (copy {@code ingest-service/target/classes} and
 * {@code test-classes} aside before changing the code), and extract the same chunks of 2,000
 * articles alternately, so load changes hit both alike; it prints the median ratio of their CPU
 * times. Run it from the project root:
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.ingest.bench.ExtractionComparison /tmp/before /tmp/after 150"
 * </pre>
 * Each build's classes and resources (the rule files) come from its own folders, not from the
 * class path, which only serves this class, the corpus reader and the libraries.
 */
public final class ExtractionComparison {

    private static final int CHUNK = 2_000;
    private static final int WARM_UP_PAIRS = 6;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ExtractionComparison() {
    }

    /** A build's extractor, called by reflection: each build has its own classes. */
    private record Build(Object extractor, Method extract) {

        static Build load(Path folder) throws ReflectiveOperationException, java.net.MalformedURLException {
            ClassLoader loader = new OwnClassesFirst(new URL[] {
                    folder.resolve("test-classes").toUri().toURL(), folder.resolve("classes").toUri().toURL()},
                    ExtractionComparison.class.getClassLoader());
            Object extractor = Class.forName("io.eventline.ingest.service.ProductionExtraction", true, loader)
                    .getMethod("extractor").invoke(null);
            return new Build(extractor, extractor.getClass().getMethod("extract", String.class, LocalDate.class));
        }

        /** CPU nanoseconds of this thread to extract articles {@code [from, to)}. */
        long cpuTime(List<ReutersArticles.Article> articles, int from, int to) throws ReflectiveOperationException {
            long started = THREADS.getCurrentThreadCpuTime();
            for (int i = from; i < to; i++) {
                extract.invoke(extractor, articles.get(i).text(), articles.get(i).published());
            }
            return THREADS.getCurrentThreadCpuTime() - started;
        }
    }

    /**
     * Loads the project's classes and every resource from its own folders first: the usual
     * parent-first order would hand both builds the classes and rule files of the class path.
     */
    private static final class OwnClassesFirst extends URLClassLoader {

        OwnClassesFirst(URL[] folders, ClassLoader parent) {
            super(folders, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.eventline.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInTheseFolders) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ExtractionComparison <before folder> <after folder> <seconds>");
            System.exit(2);
        }
        Build before = Build.load(Path.of(args[0]));
        Build after = Build.load(Path.of(args[1]));
        long seconds = Long.parseLong(args[2]);
        List<ReutersArticles.Article> articles = ReutersArticles.read(SharedCorpora.folderWith(ReutersArticles.FILE)
                .orElseThrow(() -> new IllegalStateException(SharedCorpora.absence(ReutersArticles.FILE))));
        double megabytesPerArticle = ReutersArticles.megabytes(articles) / articles.size();

        List<Double> ratios = new ArrayList<>();
        List<Double> beforeMillis = new ArrayList<>();
        List<Double> afterMillis = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int from = 0;
        for (int pair = 0; System.nanoTime() < end; pair++) {
            int to = Math.min(articles.size(), from + CHUNK);
            // alternate which build goes first, so neither always runs on a warmer cache
            long first = (pair % 2 == 0 ? before : after).cpuTime(articles, from, to);
            long second = (pair % 2 == 0 ? after : before).cpuTime(articles, from, to);
            long beforeTime = pair % 2 == 0 ? first : second;
            long afterTime = pair % 2 == 0 ? second : first;
            if (pair >= WARM_UP_PAIRS && to - from == CHUNK) {
                ratios.add(afterTime / (double) beforeTime);
                beforeMillis.add(beforeTime / 1e6);
                afterMillis.add(afterTime / 1e6);
            }
            from = to == articles.size() ? 0 : to;
        }
        if (ratios.isEmpty()) {
            System.out.println("too short: no pair measured after the warm-up");
            return;
        }
        Collections.sort(ratios);
        Collections.sort(beforeMillis);
        Collections.sort(afterMillis);
        System.out.printf(Locale.ROOT, "%d pairs of %d articles: after/before CPU time median %.3f (quartiles %.3f to %.3f)%n",
                ratios.size(), CHUNK, median(ratios), ratios.get(ratios.size() / 4), ratios.get(ratios.size() * 3 / 4));
        System.out.printf(Locale.ROOT, "MB of text per CPU second (medians): before %.2f, after %.2f%n",
                CHUNK * megabytesPerArticle / (median(beforeMillis) / 1e3),
                CHUNK * megabytesPerArticle / (median(afterMillis) / 1e3));
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }
}
