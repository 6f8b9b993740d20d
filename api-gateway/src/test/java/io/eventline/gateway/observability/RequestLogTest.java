package io.eventline.gateway.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Eventually;
import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(Upstreams.class)
class RequestLogTest {

    /** A log line as written, with the request id the MDC held on the thread that wrote it. */
    record Line(String category, String message, String requestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            lines.add(new Line(ext.getLoggerName(), ext.getFormattedMessage(), ext.getMdc("requestId")));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Upstreams.stubs().reset();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void oneStructuredAccessLineNamesKeyRouteStatusDurationAndBytes() {
        given().header("Authorization", Keys.DASHBOARD).header("X-Request-Id", "access-1")
                .when().get("/api/v1/timelines/t-1").then().statusCode(200);

        List<Line> access = awaitLines(line -> line.category().equals(AccessLog.CATEGORY) && "access-1".equals(line.requestId()));
        assertThat(access).singleElement().satisfies(line -> assertThat(line.message())
                .contains("method=GET", "path=/api/v1/timelines/t-1", "route=timelines", "key=dashboard", "status=200",
                        "request_id=access-1")
                .containsPattern("duration_ms=\\d+\\.\\d")
                .containsPattern("bytes_in=0 bytes_out=[1-9]\\d*")
                .doesNotContain("dev-dashboard-key"));
    }

    @Test
    void everyLineOfARequestCarriesItsIdAndARefusalNamesNoKey() {
        given().header("Authorization", "Bearer not-issued-7").header("X-Request-Id", "refused-7")
                .when().get("/api/v1/timelines").then().statusCode(401);

        List<Line> ofRequest = awaitLines(line -> "refused-7".equals(line.requestId()) && line.category().equals(AccessLog.CATEGORY));
        assertThat(ofRequest).singleElement().satisfies(line -> assertThat(line.message()).contains("key=none", "status=401"));
        assertThat(lines).filteredOn(line -> line.message().contains("unknown API key"))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.requestId()).isEqualTo("refused-7");
                    assertThat(line.message()).doesNotContain("not-issued-7").containsPattern("sha256 [0-9a-f]{8}");
                });
    }

    @Test
    void operationalEndpointsAreNotAccessLogged() {
        given().header("X-Request-Id", "probe-1").get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", Keys.DASHBOARD).header("X-Request-Id", "after-probe")
                .get("/api/v1/timelines").then().statusCode(200);

        awaitLines(line -> "after-probe".equals(line.requestId()) && line.category().equals(AccessLog.CATEGORY));
        assertThat(lines).noneMatch(line -> "probe-1".equals(line.requestId()) && line.category().equals(AccessLog.CATEGORY));
    }

    /** The access line is written when the response has ended, which can be just after the client has it. */
    private List<Line> awaitLines(Predicate<Line> wanted) {
        Eventually.until("a log line like that; captured: " + lines, () -> lines.stream().anyMatch(wanted));
        return lines.stream().filter(wanted).toList();
    }
}
