package io.eventline.gateway.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads the gateway's own /q/metrics, as a Prometheus scrape would. */
public final class Metrics {

    private Metrics() {
    }

    /** The current value of one series, written as /q/metrics writes it: {@code name{label="v",...}}. */
    public static double value(String series) {
        return scrape().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(Metrics::sampleValue)
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + series));
    }

    /** The sum over all series of a metric that carry every one of the given labels ({@code key="v"}). */
    public static double sum(String metric, String... labels) {
        return scrape().lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(Metrics::sampleValue)
                .sum();
    }

    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sampleValue(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
