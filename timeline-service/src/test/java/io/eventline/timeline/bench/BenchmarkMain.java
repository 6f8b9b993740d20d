package io.eventline.timeline.bench;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one of the benchmarks of this package (a {@code @QuarkusTest}: the real application on a real
 * PostgreSQL, started the way the tests start it). Not a test: on demand, from the project root:
 * <pre>
 * ./mvnw -B -o -pl timeline-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp %classpath io.eventline.timeline.bench.BenchmarkMain ConsumptionBenchmark"
 * </pre>
 * Options are system properties before {@code -cp} (see each benchmark).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkMain ConsumptionBenchmark|ReadBenchmark");
            System.exit(2);
        }
        // by name: Quarkus loads a @QuarkusTest class in its own class loader, not this one
        String benchmark = BenchmarkMain.class.getPackageName() + "." + args[0];
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(benchmark)).build(), summary);
        summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 30);
        System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }
}
