package io.eventline.timeline.bench;

import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the article messages a load run left in its Kafka broker's log directory (deploy/load keeps the
 * stack's data directory) as the file {@code ConsumptionBenchmark} replays with {@code -Dbench.recorded}: one
 * line per record, its timestamp, key and value separated by tabs, in the order the broker received them
 * (the partitions merged by timestamp). So the consumer can be measured on the events ingest-service really
 * made of the Reuters articles, not on events the benchmark makes of their sentences.
 *
 * <p>Usage: {@code RecordedTopic <kafka log directory> <topic> <output file>}.
 */
public final class RecordedTopic {

    private record Line(long timestamp, String key, String value) {
    }

    private RecordedTopic() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RecordedTopic <kafka log directory> <topic> <output file>");
            System.exit(2);
        }
        List<Line> lines = new ArrayList<>();
        try (DirectoryStream<Path> partitions = Files.newDirectoryStream(Path.of(args[0]), args[1] + "-*")) {
            for (Path partition : partitions) {
                try (DirectoryStream<Path> segments = Files.newDirectoryStream(partition, "*.log")) {
                    for (Path segment : segments) {
                        read(segment, lines);
                    }
                }
            }
        }
        lines.sort(Comparator.comparingLong(Line::timestamp));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            for (Line line : lines) {
                // a value is compact JSON: a newline can only be inside a string, where it is escaped
                out.println(line.timestamp() + "\t" + line.key() + "\t" + line.value());
            }
        }
        System.out.println(lines.size() + " records of " + args[1] + " written to " + args[2]);
    }

    private static void read(Path segment, List<Line> lines) throws IOException {
        try (FileRecords records = FileRecords.open(segment.toFile())) {
            for (RecordBatch batch : records.batches()) {
                for (Record record : batch) {
                    if (record.hasKey() && record.hasValue()) {
                        lines.add(new Line(record.timestamp(), StandardCharsets.UTF_8.decode(record.key()).toString(),
                                StandardCharsets.UTF_8.decode(record.value()).toString()));
                    }
                }
            }
        }
    }
}
