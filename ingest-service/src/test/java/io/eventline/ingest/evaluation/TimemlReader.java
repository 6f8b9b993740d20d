package io.eventline.ingest.evaluation;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads inline TimeML (TempEval-3 TBAQ-cleaned, the WikiWars TIMEX3 conversion) into the text a
 * tagger reads and the gold TIMEX3 with offsets into exactly that text.
 *
 * <p>A real XML parser, so entities ({@code &amp;}) count as the one character they stand for and
 * line ends are normalized ({@code \r\n} to {@code \n}, as the WikiWars files mix both): gold and
 * system offsets then refer to the same string.
 */
public final class TimemlReader {

    private final XMLInputFactory factory;

    public TimemlReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    }

    /** Every {@code .tml} file under the folder, sorted by path; the part is the file's parent folder name. */
    public List<TimemlDocument> readCorpus(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tml"))
                    .sorted(Comparator.naturalOrder())
                    .map(f -> read(f, f.getParent().equals(folder) ? folder.getFileName().toString()
                            : f.getParent().getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TimemlDocument read(Path file, String part) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read TimeML " + file + ": " + e.getMessage(), e);
        }
    }

    TimemlDocument read(InputStream in, String name, String part) throws XMLStreamException {
        XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
        StringBuilder text = new StringBuilder();
        List<GoldTimex> gold = new ArrayList<>();
        Deque<OpenTimex> open = new ArrayDeque<>();
        LocalDate creationDate = null;
        boolean inDct = false;
        boolean inText = false;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String tag = xml.getLocalName();
                    if (tag.equals("DCT")) {
                        inDct = true;
                    } else if (tag.equals("TEXT")) {
                        inText = true;
                    } else if (tag.equals("TIMEX3") && inDct && creationDate == null) {
                        creationDate = LocalDate.parse(xml.getAttributeValue(null, "value").substring(0, 10));
                    } else if (tag.equals("TIMEX3") && inText) {
                        open.push(new OpenTimex(text.length(), String.valueOf(xml.getAttributeValue(null, "type")),
                                String.valueOf(xml.getAttributeValue(null, "value"))));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String tag = xml.getLocalName();
                    if (tag.equals("DCT")) {
                        inDct = false;
                    } else if (tag.equals("TEXT")) {
                        inText = false;
                    } else if (tag.equals("TIMEX3") && inText) {
                        OpenTimex timex = open.pop();
                        gold.add(new GoldTimex(timex.start(), text.length(), text.substring(timex.start()),
                                timex.type(), timex.value()));
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    text.append(xml.getText());
                }
            }
        } finally {
            xml.close();
        }
        if (creationDate == null) {
            throw new IllegalArgumentException(name + " has no DCT TIMEX3 value");
        }
        gold.sort(Comparator.comparingInt(GoldTimex::start).thenComparingInt(GoldTimex::end));
        return new TimemlDocument(name, part, creationDate, text.toString(), gold);
    }

    private record OpenTimex(int start, String type, String value) {
    }
}
