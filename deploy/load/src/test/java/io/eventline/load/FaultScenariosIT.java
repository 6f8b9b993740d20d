package io.eventline.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick fault scenarios (duplicates and racing updates, poison, timeline-service killed mid-batch)
 * against a local stack of their own, with invented articles (CI has no Reuters corpus), at a light
 * load: {@code deploy/load/faults --scenarios quick --synthetic --rate 5 --settle 600}. Each scenario must
 * reconcile: every accepted article's reports exactly once on the timeline, none of a retracted article. The
 * settle time is generous (a quiet machine reconciles in seconds; on the shared build machine, load average 60,
 * the consumer's backlog after the duplicates scenario was still draining after 300 s).
 */
class FaultScenariosIT {

    @Test
    void shouldLoseAndDoubleNothingInTheQuickFaultScenarios() throws Exception {
        Path root = Path.of(System.getProperty("eventline.root", "../..")).toAbsolutePath().normalize();
        FaultsDriver.Options options = FaultsDriver.Options.parse(new String[] {
                "--scenarios", "quick", "--synthetic", "--rate", "5", "--settle", "600", "--out", "target/faults-report"}, root);

        var results = FaultsDriver.run(root, options);

        System.out.println(FaultsDriver.table(results));
        assertThat(results).extracting(FaultScenarios.Result::scenario).containsExactlyElementsOf(FaultScenarios.QUICK);
        assertThat(results).allSatisfy(result -> assertThat(result.checks()).as(result.scenario() + ": " + result.figures())
                .isNotEmpty().doesNotContainValue(false));
    }
}
