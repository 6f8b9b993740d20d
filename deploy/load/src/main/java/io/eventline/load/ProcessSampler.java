package io.eventline.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Peak RSS and CPU time of the stack's processes, read from Linux's /proc. A process is found by the
 * port it listens on, so the same code serves a stack this driver started and one already running.
 * PostgreSQL is a tree (postmaster and one process per connection): its figures are the tree's.
 */
final class ProcessSampler {

    private static final Path PROC = Path.of("/proc");
    /** USER_HZ: what /proc/[pid]/stat counts CPU time in; 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final long PAGE_BYTES = 4096;

    private final Map<String, Watched> watched = new LinkedHashMap<>();

    /** A process watched since {@code startNanos}, when its CPU time was {@code startTicks}. */
    private record Watched(long pid, boolean tree, long startNanos, long startTicks, long[] peakRssBytes) {
    }

    /** Watches the process listening on {@code port} (absent on a machine without /proc or without it). */
    void watchListener(String name, int port, boolean tree) {
        listenerPid(port).ifPresentOrElse(pid -> watch(name, pid, tree),
                () -> System.out.println("  (no process found listening on port " + port + " for " + name + ")"));
    }

    /** Watches a process from now on: its CPU time is counted from now, its peak RSS sampled from now. */
    synchronized void watch(String name, long pid, boolean tree) {
        Map<Long, Stat> stats = readAllStats();
        watched.put(name, new Watched(pid, tree, System.nanoTime(), cpuTicks(pid, tree, stats),
                new long[] {rssBytes(pid, tree, stats)}));
    }

    /** Counts CPU time and peak RSS from now on (after start-up and warm-up, say). */
    synchronized void startCounting() {
        Map<Long, Stat> stats = readAllStats();
        watched.replaceAll((name, w) -> new Watched(w.pid(), w.tree(), System.nanoTime(),
                cpuTicks(w.pid(), w.tree(), stats), new long[] {rssBytes(w.pid(), w.tree(), stats)}));
    }

    /** Takes one sample of every watched process's resident set. */
    synchronized void sample() {
        Map<Long, Stat> stats = readAllStats();
        for (Watched w : watched.values()) {
            w.peakRssBytes()[0] = Math.max(w.peakRssBytes()[0], rssBytes(w.pid(), w.tree(), stats));
        }
    }

    synchronized List<RunReport.ProcessUsage> usage() {
        Map<Long, Stat> stats = readAllStats();
        List<RunReport.ProcessUsage> usage = new ArrayList<>();
        watched.forEach((name, w) -> {
            double wallSeconds = (System.nanoTime() - w.startNanos()) / 1e9;
            double cpu = Math.max(0, cpuTicks(w.pid(), w.tree(), stats) - w.startTicks()) / TICKS_PER_SECOND;
            usage.add(new RunReport.ProcessUsage(name, w.pid(), w.peakRssBytes()[0] / 1048576.0, cpu,
                    100 * cpu / Math.max(1e-3, wallSeconds)));
        });
        return usage;
    }

    /** The fields of /proc/[pid]/stat this sampler needs. */
    record Stat(long pid, long parent, long userAndSystemTicks, long childrenTicks, long rssPages) {

        /** Parses a stat line; the command name (in parentheses) may itself contain spaces and parentheses. */
        static Stat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            long pid = Long.parseLong(line.substring(0, open).trim());
            // After the name: field 3 (state) onwards, so field n is rest[n - 3].
            String[] rest = line.substring(close + 2).trim().split(" +");
            return new Stat(pid, Long.parseLong(rest[1]),
                    Long.parseLong(rest[11]) + Long.parseLong(rest[12]),
                    Long.parseLong(rest[13]) + Long.parseLong(rest[14]),
                    Long.parseLong(rest[21]));
        }
    }

    /**
     * The socket inode listening on {@code port} in the text of /proc/net/tcp or tcp6 (state 0A is LISTEN;
     * addresses are hex, the port after the colon).
     */
    static OptionalLong listeningInode(List<String> procNetTcp, int port) {
        for (String line : procNetTcp) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[3].equals("0A")) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            if (colon > 0 && Integer.parseInt(f[1].substring(colon + 1), 16) == port) {
                return OptionalLong.of(Long.parseLong(f[9]));
            }
        }
        return OptionalLong.empty();
    }

    /** The processes in the tree under {@code root}, root included. */
    static List<Long> tree(long root, Map<Long, Stat> stats) {
        Map<Long, List<Long>> children = new HashMap<>();
        stats.values().forEach(s -> children.computeIfAbsent(s.parent(), p -> new ArrayList<>()).add(s.pid()));
        List<Long> out = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            if (stats.containsKey(pid)) {
                out.add(pid);
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return out;
    }

    /**
     * The resident set; for a tree the sum of its processes' proportional sets (PSS: a shared page counts
     * once, split between its sharers), since PostgreSQL's backends all map the same shared buffers.
     */
    private static long rssBytes(long pid, boolean tree, Map<Long, Stat> stats) {
        if (!tree) {
            Stat stat = stats.get(pid);
            return stat == null ? 0 : stat.rssPages() * PAGE_BYTES;
        }
        return tree(pid, stats).stream().mapToLong(p -> {
            try {
                return pssKb(Files.readAllLines(PROC.resolve(p + "/smaps_rollup"))) * 1024;
            } catch (IOException | RuntimeException e) {
                return stats.get(p).rssPages() * PAGE_BYTES;
            }
        }).sum();
    }

    /** The {@code Pss:} line of /proc/[pid]/smaps_rollup, in kB. */
    static long pssKb(List<String> smapsRollup) {
        for (String line : smapsRollup) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalArgumentException("no Pss line");
    }

    /** CPU of the live processes, plus what the root's exited children spent (so it never goes down). */
    private static long cpuTicks(long pid, boolean tree, Map<Long, Stat> stats) {
        Stat root = stats.get(pid);
        if (root == null) {
            return 0;
        }
        if (!tree) {
            return root.userAndSystemTicks();
        }
        return tree(pid, stats).stream().map(stats::get).mapToLong(Stat::userAndSystemTicks).sum() + root.childrenTicks();
    }

    private static Optional<Long> listenerPid(int port) {
        List<String> lines = new ArrayList<>();
        for (String file : List.of("net/tcp", "net/tcp6")) {
            try {
                lines.addAll(Files.readAllLines(PROC.resolve(file)));
            } catch (IOException e) {
                // no IPv6, or no /proc
            }
        }
        OptionalLong inode = listeningInode(lines, port);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String socket = "socket:[" + inode.getAsLong() + "]";
        Map<Long, Stat> stats = readAllStats();
        List<Long> holders = new ArrayList<>();
        for (long pid : stats.keySet()) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
                for (Path fd : fds) {
                    if (socket.equals(readLink(fd))) {
                        holders.add(pid);
                        break;
                    }
                }
            } catch (IOException | SecurityException e) {
                // another user's process, or gone
            }
        }
        // A forked child may still hold its parent's listening socket: the holder whose parent is not one.
        return holders.stream().filter(pid -> !holders.contains(stats.get(pid).parent())).findFirst();
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<Long, Stat> readAllStats() {
        Map<Long, Stat> stats = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    Stat stat = Stat.parse(Files.readString(entry.resolve("stat")));
                    stats.put(stat.pid(), stat);
                } catch (IOException | RuntimeException e) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            // no /proc: no figures
        }
        return stats;
    }
}
