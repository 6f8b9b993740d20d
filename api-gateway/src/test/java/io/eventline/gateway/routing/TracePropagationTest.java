package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.observability.AccessLog;
import io.eventline.gateway.testsupport.Eventually;
import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.TracingOn;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With tracing on, the upstream continues the caller's trace, under the gateway's own span. */
@QuarkusTest
@WithTestResource(Upstreams.class)
@TestProfile(TracingOn.class)
class TracePropagationTest {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-01";

    private final List<String> accessLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (AccessLog.CATEGORY.equals(record.getLoggerName())) {
                accessLines.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void reset() {
        Upstreams.stubs().reset();
        Logger.getLogger(AccessLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger(AccessLog.CATEGORY).removeHandler(capture);
    }

    @Test
    void theUpstreamGetsTheCallersTraceWithTheGatewaysSpanAsParentAndTheRequestIdBesideIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = traceId.substring(16);

        given().header("Authorization", Keys.NEWSROOM).header("X-Request-Id", "traced-1")
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType("application/json").body("{\"title\":\"Flood\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(200).header("X-Request-Id", "traced-1");

        UpstreamStub.Received received = Upstreams.stubs().ingest().takeRequest();
        assertThat(received.headers().get("traceparent")).singleElement().asString().matches(TRACEPARENT);
        String[] forwarded = received.header("traceparent").split("-");
        assertThat(forwarded[1]).as("trace id").isEqualTo(traceId);
        assertThat(forwarded[2]).as("parent: the gateway's span, not the caller's").isNotEqualTo(callerSpanId);
        assertThat(received.header("X-Request-Id")).isEqualTo("traced-1");

        Eventually.until("the access line of request traced-1", () -> accessLines.stream().anyMatch(l -> l.contains("request_id=traced-1")));
        assertThat(accessLines).filteredOn(line -> line.contains("request_id=traced-1"))
                .singleElement().asString().contains("trace_id=" + traceId);
    }

    @Test
    void aRequestWithoutATraceStartsOneAtTheGateway() {
        given().header("Authorization", Keys.DASHBOARD).when().get("/api/v1/timelines/t-2").then().statusCode(200);

        UpstreamStub.Received received = Upstreams.stubs().timeline().takeRequest();
        assertThat(received.headers().get("traceparent")).singleElement().asString().matches(TRACEPARENT);
    }
}
