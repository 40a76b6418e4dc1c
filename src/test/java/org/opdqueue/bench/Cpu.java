package org.opdqueue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time a process has used (user + system, from /proc/&lt;pid&gt;/stat), so each throughput figure can say what an
 * operation cost the server, the database and the load generator: on a shared 2-core machine throughput is noisy,
 * CPU per operation much less so.
 */
final class Cpu {

    /** Linux reports utime and stime in clock ticks of 1/100 s (getconf CLK_TCK) on every platform we run on. */
    private static final double MILLIS_PER_TICK = 10.0;

    /** CPU milliseconds this process has used so far; 0 once it has gone. */
    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name, which is in parentheses and may itself hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU milliseconds of a process by thread name (digits left out, so a pool's threads add up; Linux keeps 15
     * characters of a name): where the server's CPU went, JIT compiler and GC included, which a profile leaves out.
     */
    static Map<String, Double> byThread(long pid) {
        Map<String, Double> spent = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    spent.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // the process ended
        }
        return spent;
    }

    /** The thread groups that used the most CPU between two {@link #byThread} readings, as "name ms/op". */
    static String topThreads(Map<String, Double> before, Map<String, Double> after, long operations, int most) {
        Map<String, Double> spent = new HashMap<>();
        after.forEach((name, ms) -> spent.put(name, ms - before.getOrDefault(name, 0.0)));
        return spent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(most)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / Math.max(1, operations)))
                .collect(Collectors.joining(", "));
    }

    /** CPU milliseconds spent by the server, its database and the load generator over one measured run. */
    record Spent(double server, double database, double generator) {

        static final Spent NONE = new Spent(0, 0, 0);

        /** Milliseconds per operation as "server / database / generator". */
        String perOperation(long operations) {
            if (operations <= 0) {
                return "";
            }
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", server / operations, database / operations,
                    generator / operations);
        }
    }

    /** Before-and-after reading of the server and database processes. */
    static final class Meter {
        private final long server;
        private final long database;
        private final double serverAtStart;
        private final double databaseAtStart;

        Meter(long server, long database) {
            this.server = server;
            this.database = database;
            this.serverAtStart = millis(server);
            this.databaseAtStart = millis(database);
        }

        Spent stop(double generator) {
            return new Spent(millis(server) - serverAtStart, millis(database) - databaseAtStart, generator);
        }
    }

    private Cpu() {
    }
}
