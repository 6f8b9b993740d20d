package io.eventline.timeline;

import static io.restassured.RestAssured.given;

/** Reads the service's /q/metrics as Prometheus serves them. */
final class Metrics {

    private Metrics() {
    }

    /** The sum of the samples of {@code name} whose labels contain {@code label} (e.g. {@code reason="stale"}). */
    static double sum(String name, String label) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The value of a metric without labels, e.g. a plain counter. */
    static double value(String name) {
        return scrape().lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
