package io.eventline.local.bench;

import io.eventline.local.StackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time of the processes a benchmark phase runs on: the load generator (this JVM), the gateway, the
 * gateway built before the change when one runs beside it ("before"), timeline-service, PostgreSQL (the
 * postmaster and its backends), and what the rest of the machine used (other users of the shared cores,
 * Kafka, ingest-service), from {@code /proc/stat}.
 */
final class Processes {

    /** Every process that can be measured, in the order they are printed. */
    private static final List<String> ALL_NAMES = List.of("generator", "gateway", "before", "timeline", "postgres");
    private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final ProcessHandle gateway;
    private final Optional<ProcessHandle> before;
    private final ProcessHandle timeline;
    private final ProcessHandle postgres;
    /** The processes measured in this run; "others" is the machine's busy time minus these. */
    final List<String> names;

    private Processes(ProcessHandle gateway, Optional<ProcessHandle> before, ProcessHandle timeline, ProcessHandle postgres) {
        this.gateway = gateway;
        this.before = before;
        this.timeline = timeline;
        this.postgres = postgres;
        this.names = ALL_NAMES.stream().filter(name -> before.isPresent() || !name.equals("before")).toList();
    }

    static Processes of(StackSettings settings, Optional<ProcessHandle> before) {
        String dataDir = settings.dataDir().toAbsolutePath().toString();
        return new Processes(child("api-gateway/target/quarkus-app"), before, child("timeline-service/target/quarkus-app"),
                // pg_ctl starts the postmaster and exits, so it is not a child of this JVM.
                ProcessHandle.allProcesses()
                        .filter(process -> commandLine(process).map(line -> line.contains("postgres") && line.contains(dataDir)
                                && !line.contains("pg_ctl")).orElse(false))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no PostgreSQL process for " + dataDir)));
    }

    private static ProcessHandle child(String applicationPath) {
        return ProcessHandle.current().children()
                .filter(process -> commandLine(process).map(line -> line.contains(applicationPath)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no child process runs " + applicationPath));
    }

    private static Optional<String> commandLine(ProcessHandle process) {
        return process.info().commandLine();
    }

    record Sample(long nanos, Map<String, Long> cpuNanos, long machineBusyTicks) {
    }

    Sample sample() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put("generator", cpuNanos(ProcessHandle.current()));
        cpu.put("gateway", cpuNanos(gateway));
        before.ifPresent(process -> cpu.put("before", cpuNanos(process)));
        cpu.put("timeline", cpuNanos(timeline));
        cpu.put("postgres", Stream.concat(Stream.of(postgres), postgres.descendants()).mapToLong(Processes::cpuNanos).sum());
        return new Sample(System.nanoTime(), cpu, machineBusyTicks());
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** All CPUs' busy time since boot: everything in the first line of /proc/stat but idle and iowait. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * What a phase used: cores busy on average per process (1.0 = one core all the time), and CPU time
     * per request.
     */
    record Usage(Map<String, Double> cores, double others, Map<String, Double> microsPerRequest) {

        static Usage between(Sample before, Sample after, long requests) {
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            Map<String, Double> perRequest = new LinkedHashMap<>();
            double ours = 0;
            for (String name : before.cpuNanos().keySet()) {
                long used = after.cpuNanos().get(name) - before.cpuNanos().get(name);
                cores.put(name, used / 1e9 / seconds);
                perRequest.put(name, requests == 0 ? Double.NaN : used / 1e3 / requests);
                ours += used / 1e9 / seconds;
            }
            double machine = (after.machineBusyTicks() - before.machineBusyTicks()) / CLOCK_TICKS_PER_SECOND / seconds;
            return new Usage(cores, Math.max(0, machine - ours), perRequest);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("CPU");
            cores.forEach((name, used) -> text.append(String.format(" %s %.2f", name, used)));
            return text.append(String.format(" others %.2f", others)).toString();
        }
    }
}
