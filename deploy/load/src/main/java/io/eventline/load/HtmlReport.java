package io.eventline.load;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The run at a glance: one self-contained HTML page (well-formed XML too) with the summary table and
 * line charts drawn as inline SVG, nothing loaded from anywhere.
 */
final class HtmlReport {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"};

    /** A line of a chart: a name and the value it takes at each point (NaN: not measured then). */
    record Series(String name, ToDoubleFunction<RunRecorder.Point> value) {
    }

    /** A chart: a title, a unit for its y axis, and its lines. */
    record Chart(String title, String unit, List<Series> series) {
    }

    static final List<Chart> CHARTS = List.of(
            new Chart("Throughput", "per second", List.of(
                    new Series("articles accepted", RunRecorder.Point::acceptedPerSecond),
                    new Series("dashboard polls", RunRecorder.Point::pollsPerSecond),
                    new Series("errors", RunRecorder.Point::errorsPerSecond))),
            new Chart("Latency", "ms", List.of(
                    new Series("accept p50", RunRecorder.Point::acceptP50Ms),
                    new Series("accept p99", RunRecorder.Point::acceptP99Ms),
                    new Series("poll p99", RunRecorder.Point::pollP99Ms))),
            new Chart("Freshness: 202 to visible through the gateway (probes seen that second)", "ms", List.of(
                    new Series("freshness p99", RunRecorder.Point::freshnessP99Ms))),
            new Chart("Freshness lag: probes accepted, not yet visible", "probes", List.of(
                    new Series("probes not yet visible", p -> p.probesWaiting()))),
            new Chart("Sending lag: articles due at the offered rate but not yet sent", "articles", List.of(
                    new Series("articles due but not sent", p -> p.backlog()))));

    static String render(String title, String settings, RunReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:960px}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}"
                        + "svg{display:block;margin:1em 0}text{font-size:12px}</style></head><body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n")
                .append("<pre>").append(escape(settings)).append("</pre>\n")
                .append("<pre>").append(escape(report.table())).append("</pre>\n");
        for (Chart chart : CHARTS) {
            html.append(svg(chart, report.series())).append('\n');
        }
        return html.append("</body></html>\n").toString();
    }

    static String svg(Chart chart, List<RunRecorder.Point> points) {
        double maxX = points.stream().mapToDouble(RunRecorder.Point::atSeconds).max().orElse(1);
        double maxY = niceCeiling(chart.series().stream()
                .flatMapToDouble(s -> points.stream().mapToDouble(s.value()))
                .filter(v -> !Double.isNaN(v)).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(escape(chart.title())).append("</title>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"bold\">%s (%s)</text>",
                LEFT, escape(chart.title()), escape(chart.unit())));
        // Axes, with four gridlines labelled on y and five ticks on x.
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 5, y + 4, label(maxY * i / 4)));
        }
        for (int i = 0; i <= 5; i++) {
            double x = LEFT + plotW * i / 5;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s s</text>",
                    x, HEIGHT - BOTTOM + 16, label(maxX * i / 5)));
        }
        for (int s = 0; s < chart.series().size(); s++) {
            Series series = chart.series().get(s);
            String colour = COLOURS[s % COLOURS.length];
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour)
                    .append("\" data-series=\"").append(escape(series.name())).append("\" points=\"");
            for (RunRecorder.Point point : points) {
                double v = series.value().applyAsDouble(point);
                if (!Double.isNaN(v)) {
                    svg.append(String.format(Locale.ROOT, "%.1f,%.1f ",
                            LEFT + plotW * point.atSeconds() / maxX, TOP + plotH - plotH * v / maxY));
                }
            }
            svg.append("\"/>");
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
                    LEFT + 10 + 200 * s, HEIGHT - 12, colour, LEFT + 26 + 200 * s, HEIGHT - 8, escape(series.name())));
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String label(double value) {
        if (value == Math.rint(value) || Math.abs(value) >= 100) {
            return String.valueOf(Math.round(value));
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 1 ? "%.1f" : "%.2f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
