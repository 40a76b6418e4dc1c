package org.opdqueue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
