package org.opdqueue.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

import org.opdqueue.support.StaffSession;

/**
 * A year of a busy OPD straight into MariaDB, then every report endpoint and page timed. 12,000 tokens a day
 * (-Dbench.perDay) for 365 closed days and today (-Dbench.days), each day made whole by {@link OpdDays} and loaded with
 * {@code LOAD DATA LOCAL INFILE}; then the closed days are rolled up the way the app does it on first use (a year's
 * range asked for), and timed.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=ReportYearBench}
 * ({@code -Dbench.keep=true} times again on the data of the last run without generating it; {@code -Dbench.runs=N}
 * times each endpoint N times, 11 by default).
 */
public final class ReportYearBench {

    static final int PER_DAY = Integer.getInteger("bench.perDay", 12_000);
    static final int DAYS = Integer.getInteger("bench.days", 365);
    static final int RUNS = Integer.getInteger("bench.runs", 11);
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final String ADMIN = BenchApp.basic("admin", "admin123");

    public static void main(String[] args) throws Exception {
        int dbPort = Integer.getInteger("bench.dbPort", 14791);
        boolean keep = Boolean.getBoolean("bench.keep");
        String[] server = { "-Dopd.embedded-db.server-args=--innodb-buffer-pool-size=1G,--innodb-flush-log-at-trx-commit=2,"
                + "--max-allowed-packet=256M,--innodb-log-file-size=1G", "-Dopd.reports.rollup-every=off" };
        try (BenchApp app = keep ? BenchApp.startOnItsData(dbPort + 4000, dbPort, server) : BenchApp.start(dbPort + 4000, dbPort, server)) {
            LocalDate today = LocalDate.now(IST);
            LocalDate first = today.minusDays(DAYS);
            LocalDate yesterday = today.minusDays(1);
            if (!keep) {
                System.out.println("load average before generating: " + loadAverage());
                long t0 = System.nanoTime();
                long tokens = generate(dbPort, first, today);
                System.out.printf(Locale.ROOT, "generated %,d tokens (%d days) in %.0f s; load average %s%n", tokens,
                        DAYS + 1, (System.nanoTime() - t0) / 1e9, loadAverage());
            }
            try (Connection c = app.database(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*), MIN(business_day), MAX(business_day), "
                            + "(SELECT COUNT(*) FROM journal_entry) FROM token")) {
                r.next();
                System.out.printf(Locale.ROOT, "in the database: %,d tokens, %s to %s; %,d journal entries%n",
                        r.getLong(1), r.getDate(2), r.getDate(3), r.getLong(4));
            }
            long t1 = System.nanoTime();
            check(get(app, "/api/reports/range?from=" + first + "&to=" + yesterday));
            System.out.printf(Locale.ROOT, "first use of a year's range: closed days rolled up in %.1f s; load average %s%n",
                    (System.nanoTime() - t1) / 1e9, loadAverage());
            LocalDate closed = today.minusDays(30);
            String year = "from=" + first + "&to=" + today;
            String[] paths = { "/api/reports/day?date=" + closed, "/api/reports/day?date=" + today,
                    "/api/reports/counters?date=" + closed, "/api/reports/counters?date=" + today,
                    "/api/reports/range?" + year, "/api/reports/range?from=" + today.minusDays(55) + "&to=" + today,
                    "/api/reports/range.csv?" + year, "/api/reports/range.csv?table=heatmap&" + year,
                    "/api/reports/estimates?" + year, "/api/reports/estimates.csv?" + year,
                    "/api/reports/day.csv?date=" + closed, "/api/reports/day.csv?date=" + today,
                    "/api/reports/tokens.csv?date=" + closed, "/api/reports/tokens.csv?date=" + today,
                    "/admin/reports?date=" + today, "/admin/reports/range", "/admin/reports/counters",
                    "/admin/reports/day/print" };
            // the pages take the staff log-in cookie, not basic authentication
            io.restassured.RestAssured.baseURI = "http://127.0.0.1";
            io.restassured.RestAssured.port = dbPort + 4000;
            pageCookie = StaffSession.CREDENTIAL_COOKIE + "=" + StaffSession.logIn("admin", "admin123").credential();
            System.out.println("load average before timing: " + loadAverage());
            System.out.println("| endpoint | median ms | slowest ms (of " + RUNS + ") | bytes |");
            System.out.println("|---|---|---|---|");
            for (String path : paths) {
                long[] ms = new long[RUNS];
                int bytes = 0;
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = get(app, path);
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                    check(r);
                    bytes = r.body().length();
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "| `%s` | %d | %d | %,d |%n", path.replace(first.toString(), "<year ago>")
                        .replace(today.minusDays(55).toString(), "<8 weeks ago>")
                        .replace(today.toString(), "<today>").replace(closed.toString(), "<30 days ago>"),
                        ms[RUNS / 2], ms[RUNS - 1], bytes);
            }
            System.out.println("load average after timing: " + loadAverage());
        }
        System.exit(0);
    }

    static String pageCookie;

    static HttpResponse<String> get(BenchApp app, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base + path)).GET();
        request = path.startsWith("/admin/") ? request.header("cookie", pageCookie) : request.header("authorization", ADMIN);
        return app.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The days from..to written by {@link OpdDays}; returns how many tokens. */
    static long generate(int dbPort, LocalDate from, LocalDate to) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort
                + "/opd?allowLocalInfile=true", "root", "")) {
            OpdDays days = new OpdDays("DEMO", OpdDays.servicesOf(c, "DEMO"), PER_DAY, IST, 42);
            return days.write(c, from, to, java.nio.file.Path.of("target/bench/opd-days")).stream()
                    .mapToLong(OpdDays.DayCount::issued).sum();
        }
    }

    static String loadAverage() throws java.io.IOException {
        String[] l = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
        return l[0] + " " + l[1] + " " + l[2];
    }
}
