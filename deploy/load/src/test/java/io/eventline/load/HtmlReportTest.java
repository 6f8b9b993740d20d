package io.eventline.load;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void thePageIsAWellFormedDocumentWithOneChartPerFigureAndEverySeriesDrawn() throws Exception {
        RunReport report = report();

        Document page = parse(HtmlReport.render("Eventline load run", "command  deploy/load/run", report));

        NodeList charts = page.getElementsByTagNameNS(SVG, "svg");
        assertThat(charts.getLength()).isEqualTo(HtmlReport.CHARTS.size());
        List<String> drawn = new ArrayList<>();
        NodeList lines = page.getElementsByTagNameNS(SVG, "polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            drawn.add(line.getAttribute("data-series"));
            if (line.getAttribute("data-series").equals("articles accepted")) {
                // One vertex per second of the run.
                assertThat(line.getAttribute("points").trim().split(" ")).hasSize(3);
            }
        }
        assertThat(drawn).contains("articles accepted", "accept p99", "poll p99", "freshness p99", "probes not yet visible");
    }

    @Test
    void aSecondWithoutMeasurementLeavesAGapRatherThanAZero() throws Exception {
        Document page = parse(HtmlReport.render("run", "", report()));

        NodeList lines = page.getElementsByTagNameNS(SVG, "polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (line.getAttribute("data-series").equals("freshness p99")) {
                assertThat(line.getAttribute("points").trim().split(" ")).hasSize(2);
            }
        }
    }

    @Test
    void theSummaryTableAndSettingsAreOnThePageEscaped() throws Exception {
        String html = HtmlReport.render("run", "command  deploy/load/run --out <dir> & more", report());

        Document page = parse(html);
        assertThat(page.getDocumentElement().getTextContent())
                .contains("--out <dir> & more")
                .contains("articles accepted")
                .contains("accept latency");
        assertThat(html).doesNotContain("http-equiv").doesNotContain("<script").doesNotContain("src=");
    }

    @Test
    void theYAxisEndsAtARoundNumberAboveTheHighestValue() {
        assertThat(HtmlReport.niceCeiling(0.7)).isEqualTo(1);
        assertThat(HtmlReport.niceCeiling(183)).isEqualTo(200);
        assertThat(HtmlReport.niceCeiling(201)).isEqualTo(500);
        assertThat(HtmlReport.niceCeiling(1000)).isEqualTo(1000);
        assertThat(HtmlReport.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void axisLabelsAreShortAndExact() {
        assertThat(HtmlReport.label(109.6)).isEqualTo("110");
        assertThat(HtmlReport.label(12.5)).isEqualTo("12.5");
        assertThat(HtmlReport.label(40)).isEqualTo("40");
        assertThat(HtmlReport.label(0.25)).isEqualTo("0.25");
    }

    private static RunReport report() {
        RunRecorder recorder = new RunRecorder();
        recorder.accepted(3_000);
        recorder.polled("GET events", 304, 1_000);
        recorder.visible(900_000);
        recorder.tick(1, 0, 2);
        recorder.accepted(5_000);
        recorder.tick(2, 4, 1);
        recorder.visible(1_500_000);
        recorder.tick(3, 0, 0);
        return recorder.report(3, 2, 0, List.of(new RunReport.ProcessUsage("api-gateway", 42, 180, 12.5, 20)));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
