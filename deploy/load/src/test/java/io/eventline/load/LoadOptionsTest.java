package io.eventline.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadOptionsTest {

    private static final Path ROOT = Path.of("/work/project");

    @Test
    void theDefaultsAreTheIssuesTargetsForOneMinute() {
        LoadOptions options = LoadOptions.parse(new String[0], ROOT);

        assertThat(options.rate()).isEqualTo(200);
        assertThat(options.dashboards()).isEqualTo(100);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.gatewayUrl()).isNull();
        assertThat(options.corpus()).isEqualTo(Path.of("/work/shared/corpora/reuters21578/articles.jsonl"));
    }

    @Test
    void readsEveryOption() {
        LoadOptions options = LoadOptions.parse(new String[] {"--duration", "300", "--rate", "max", "--dashboards", "5",
                "--timelines", "3", "--poll-interval", "500", "--out", "/tmp/r", "--gateway", "http://host:8080/",
                "--ports", "1,2,3,4,5"}, ROOT);

        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.rate()).isZero();
        assertThat(options.dashboards()).isEqualTo(5);
        assertThat(options.timelines()).isEqualTo(3);
        assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.outputDir()).isEqualTo(Path.of("/tmp/r"));
        assertThat(options.gatewayUrl()).isEqualTo("http://host:8080");
        assertThat(options.ports()).isEqualTo(new LoadOptions.StackPorts(1, 2, 3, 4, 5));
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrong() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--rate", "fast"}, ROOT))
                .hasMessageContaining("--rate").hasMessageContaining("fast");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--rate", "0"}, ROOT))
                .hasMessageContaining("--rate must be above 0");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--dashboards"}, ROOT))
                .hasMessageContaining("--dashboards needs a value");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--speed", "1"}, ROOT))
                .hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--ports", "1,2"}, ROOT))
                .hasMessageContaining("five ports");
    }
}
