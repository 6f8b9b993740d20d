package io.eventline.ingest.evaluation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimemlReaderTest {

    private final TimemlReader reader = new TimemlReader();

    private TimemlDocument read(String xml) throws Exception {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.tml", "test");
    }

    @Test
    void shouldReadTheDctTheTextWithoutTagsAndGoldOffsetsIntoThatText() throws Exception {
        TimemlDocument document = read("""
                <?xml version="1.0" ?>
                <TimeML><DOCID>d1</DOCID>
                <DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27T08:00" functionInDocument="CREATION_TIME">19980227</TIMEX3></DCT>
                <TITLE>not text</TITLE>
                <TEXT>AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3> it &lt;would&gt; pay
                <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3>.</TEXT>
                <TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
                </TimeML>
                """);

        assertThat(document.creationDate()).isEqualTo(LocalDate.of(1998, 2, 27));
        assertThat(document.text()).isEqualTo("AT&T said Thursday it <would> pay\nfor two years.");
        assertThat(document.gold()).containsExactly(
                new GoldTimex(10, 18, "Thursday", "DATE", "1998-02-26"),
                new GoldTimex(38, 47, "two years", "DURATION", "P2Y"));
        document.gold().forEach(g -> assertThat(document.text().substring(g.start(), g.end())).isEqualTo(g.text()));
    }

    @Test
    void shouldNormalizeWindowsLineEndsAsXmlDoes() throws Exception {
        TimemlDocument document = read("<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2009-12-19\">x</TIMEX3></DCT>"
                + "<TEXT>\r\nWar\r\n\r\nOn <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1939-09-01\">September 1, 1939</TIMEX3></TEXT></TimeML>");

        assertThat(document.text()).isEqualTo("\nWar\n\nOn September 1, 1939");
        assertThat(document.gold().get(0).start()).isEqualTo(9);
        assertThat(document.gold().get(0).text()).isEqualTo("September 1, 1939");
    }
}
