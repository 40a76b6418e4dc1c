package org.opdqueue.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A year of a busy OPD straight into MariaDB, then every report endpoint timed. 12,000 tokens a day (-Dbench.perDay)
 * for 365 closed days and today (-Dbench.days), with a morning peak: a week of days written as multi-row INSERTs with
 * their journal entries (issued, called, started, completed; no-shows and cancels) and each counter opened at 08:00
 * and closed at 14:00, then every later day copied from one of them by the database (INSERT … SELECT, without the
 * issued entries, which no report reads). The generated journal entries carry a placeholder chain hash: this database is for timing only.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=ReportYearBench}
 * ({@code -Dbench.keep=true} times again on the data of the last run without generating it).
 */
public final class ReportYearBench {

    static final int PER_DAY = Integer.getInteger("bench.perDay", 12_000);
    static final int DAYS = Integer.getInteger("bench.days", 365);
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** Share of the day's arrivals per clock hour, 07:00–15:59: most between 8 and 11 a.m., as in Indian OPDs. */
    static final double[] HOURS = { 0.04, 0.18, 0.24, 0.20, 0.14, 0.09, 0.06, 0.03, 0.02 };
    static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    static final String ADMIN = BenchApp.basic("admin", "admin123");
    static final String ZEROS = "0".repeat(64);

    record Service(long id, String code, String prefix, double share, long[] counters) {
    }

    public static void main(String[] args) throws Exception {
        int dbPort = Integer.getInteger("bench.dbPort", 14791);
        boolean keep = Boolean.getBoolean("bench.keep");
        boolean resume = Boolean.getBoolean("bench.resume");
        String[] server = { "-Dopd.embedded-db.server-args=--innodb-buffer-pool-size=1G,--innodb-flush-log-at-trx-commit=2,"
                + "--max-allowed-packet=256M", "-Dopd.reports.rollup-every=off" };
        try (BenchApp app = keep || resume ? BenchApp.startOnItsData(dbPort + 4000, dbPort, server) : BenchApp.start(dbPort + 4000, dbPort, server)) {
            LocalDate today = LocalDate.now(IST);
            if (!keep) {
                long t0 = System.nanoTime();
                long tokens = generate(app, today.minusDays(DAYS), today);
                System.out.printf(Locale.ROOT, "generated %,d tokens in %.0f s%n", tokens, (System.nanoTime() - t0) / 1e9);
            }
            if (keep) {
                try (Connection c = app.database(); Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT COUNT(*), MIN(business_day), MAX(business_day) FROM token")) {
                    r.next();
                    System.out.printf(Locale.ROOT, "on the data kept: %,d tokens, %s to %s%n", r.getLong(1), r.getDate(2),
                            r.getDate(3));
                }
                todayIfMissing(app, today);
            }
            LocalDate first = today.minusDays(DAYS);
            LocalDate yesterday = today.minusDays(1);
            long t1 = System.nanoTime();
            check(get(app, "/api/reports/range?from=" + first + "&to=" + yesterday));
            System.out.printf(Locale.ROOT, "first use of a year's range: %d closed days rolled up in %.1f s%n", DAYS,
                    (System.nanoTime() - t1) / 1e9);
            LocalDate closed = today.minusDays(30);
            String[] paths = { "/api/reports/day?date=" + closed, "/api/reports/day?date=" + today,
                    "/api/reports/range?from=" + first + "&to=" + today, "/api/reports/counters?date=" + closed,
                    "/api/reports/counters?date=" + today, "/api/reports/estimates?from=" + first + "&to=" + today,
                    "/api/reports/day.csv?date=" + closed, "/api/reports/range.csv?from=" + first + "&to=" + today,
                    "/api/reports/tokens.csv?date=" + closed };
            System.out.println("| endpoint | median ms | max ms (of 7) | bytes |");
            System.out.println("|---|---|---|---|");
            for (String path : paths) {
                long[] ms = new long[7];
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
                        .replace(today.toString(), "<today>").replace(closed.toString(), "<30 days ago>")
                        .replace(yesterday.toString(), "<yesterday>"), ms[3], ms[6], bytes);
            }
        }
        System.exit(0);
    }

    static HttpResponse<String> get(BenchApp app, String path) throws Exception {
        return app.http.send(HttpRequest.newBuilder(URI.create(app.base + path)).header("authorization", ADMIN).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static long generate(BenchApp app, LocalDate from, LocalDate to) throws Exception {
        try (Connection c = app.database(); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            List<Service> services = services(c);
            long nextId;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM token")) {
                r.next();
                nextId = r.getLong(1);
            }
            c.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(42);
            long total = 0;
            long firstId = nextId;
            // A week of days made here; every later day is a copy of one of them moved in time, made by the database
            // itself (INSERT … SELECT), which is several times quicker than sending every row.
            int templates = (int) Math.min(7, java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
            LocalDate resumeAt = from.plusDays(templates);
            if (Boolean.getBoolean("bench.resume")) {
                // a generation stopped half-way goes on from its last day, copying the same week of days
                try (ResultSet r = s.executeQuery("SELECT MIN(id), MAX(business_day) FROM token WHERE business_day >= '"
                        + from + "' AND public_code LIKE 'Y%'")) {
                    r.next();
                    firstId = r.getLong(1);
                    resumeAt = r.getDate(2).toLocalDate().plusDays(1);
                }
                System.out.println("resuming at " + resumeAt);
            } else {
                for (int i = 0; i < templates; i++) {
                    nextId = day(s, services, from.plusDays(i), nextId, random);
                    c.commit();
                    total += PER_DAY;
                }
            }
            int k = (int) java.time.temporal.ChronoUnit.DAYS.between(from, resumeAt);
            for (LocalDate day = resumeAt; !day.isAfter(to); day = day.plusDays(1), k++) {
                int template = k % templates;
                long offset = nextId - (firstId + (long) template * PER_DAY);
                copyDay(s, from.plusDays(template), k - template, offset);
                c.commit();
                nextId += PER_DAY;
                total += PER_DAY;
                if (day.getDayOfMonth() == 1) {
                    System.out.println("  … " + day);
                }
            }
            return total;
        }
    }

    /** A template day's tokens and journal entries again, {@code days} later, with token ids moved by {@code offset}. */
    static void copyDay(Statement s, LocalDate template, int days, long offset) throws Exception {
        String shift = "TIMESTAMPADD(DAY, " + days + ", %s)";
        s.execute("INSERT INTO token (id, facility, public_code, business_day, number_service_id, number_series, number, "
                + "display_number, service_id, priority, is_priority, channel, status, issued_at, queued_at, called_at, "
                + "started_at, completed_at, counter_id, call_count, degraded, received_at, version, estimated_wait_at_issue) "
                + "SELECT id + " + offset + ", facility, CONCAT('Y', id + " + offset + "), DATE_ADD(business_day, INTERVAL "
                + days + " DAY), number_service_id, number_series, number, display_number, service_id, priority, "
                + "is_priority, channel, status, " + String.format(shift, "issued_at") + ", " + String.format(shift, "queued_at")
                + ", " + String.format(shift, "called_at") + ", " + String.format(shift, "started_at") + ", "
                + String.format(shift, "completed_at") + ", counter_id, call_count, degraded, "
                + String.format(shift, "received_at") + ", version, estimated_wait_at_issue FROM token "
                + "WHERE facility = 'DEMO' AND business_day = '" + template + "'");
        s.execute("INSERT INTO journal_entry (facility, type, occurred_at, business_day, token_id, display_number, "
                + "service_id, counter_id, actor, degraded, content_hash, chain_hash, counter_state_before, "
                + "counter_state_after) SELECT facility, type, " + String.format(shift, "occurred_at")
                + ", DATE_ADD(business_day, INTERVAL " + days + " DAY), token_id + " + offset + ", display_number, "
                + "service_id, counter_id, actor, degraded, content_hash, chain_hash, counter_state_before, "
                + "counter_state_after FROM journal_entry WHERE facility = 'DEMO' AND type IN ('CALLED', 'STARTED', 'COMPLETED', "
                + "'NO_SHOW', 'CANCELLED', 'COUNTER_STATE_CHANGED') AND business_day = '"
                + template + "' AND chain_hash = '" + ZEROS + "' ORDER BY seq");
    }

    /** Today's 12,000 tokens, for the live figures, when a generation stopped before today. */
    static void todayIfMissing(BenchApp app, LocalDate today) throws Exception {
        try (Connection c = app.database(); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM token WHERE business_day = '" + today + "'")) {
                r.next();
                if (r.getLong(1) >= PER_DAY) {
                    return;
                }
            }
            long nextId;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM token")) {
                r.next();
                nextId = r.getLong(1);
            }
            c.setAutoCommit(false);
            day(s, services(c), today, nextId, new SplittableRandom(7));
            c.commit();
            System.out.println("generated today's tokens");
        }
    }

    static List<Service> services(Connection c) throws Exception {
        Map<String, Double> shares = Map.of("MED", 0.35, "ORTH", 0.12, "ENT", 0.08, "PAED", 0.12, "GYN", 0.13, "LAB", 0.20);
        List<Service> services = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, code, token_prefix FROM service_point WHERE facility = 'DEMO'")) {
            while (r.next()) {
                services.add(new Service(r.getLong(1), r.getString(2), r.getString(3), shares.getOrDefault(r.getString(2), 0.0),
                        null));
            }
        }
        List<Service> withCounters = new ArrayList<>();
        for (Service sv : services) {
            List<Long> counters = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT counter_id FROM counter_service WHERE service_id = " + sv.id() + " ORDER BY counter_id")) {
                while (r.next()) {
                    counters.add(r.getLong(1));
                }
            }
            withCounters.add(new Service(sv.id(), sv.code(), sv.prefix(), sv.share(),
                    counters.stream().mapToLong(Long::longValue).toArray()));
        }
        return withCounters;
    }

    /** One day's tokens and journal entries; returns the next free token id. */
    static long day(Statement s, List<Service> services, LocalDate day, long id, SplittableRandom random) throws Exception {
        Rows tokens = new Rows(s, "INSERT INTO token (id, facility, public_code, business_day, number_service_id, "
                + "number_series, number, display_number, service_id, priority, is_priority, channel, status, issued_at, "
                + "queued_at, called_at, started_at, completed_at, counter_id, call_count, degraded, received_at, version, "
                + "estimated_wait_at_issue) VALUES ");
        Rows journal = new Rows(s, "INSERT INTO journal_entry (facility, type, occurred_at, business_day, token_id, "
                + "display_number, service_id, counter_id, actor, degraded, content_hash, chain_hash, counter_state_before, "
                + "counter_state_after) VALUES ");
        Map<Long, Integer> numbers = new HashMap<>();
        Instant open = at(day, 8 * 60);
        Instant close = at(day, 14 * 60);
        for (Service sv : services) {
            for (long counter : sv.counters()) {
                journal.add("('DEMO','COUNTER_STATE_CHANGED','" + sql(open) + "','" + day + "',NULL,NULL,NULL," + counter
                        + ",'counter1',0,'" + ZEROS + "','" + ZEROS + "','CLOSED','OPEN')");
                journal.add("('DEMO','COUNTER_STATE_CHANGED','" + sql(close) + "','" + day + "',NULL,NULL,NULL," + counter
                        + ",'counter1',0,'" + ZEROS + "','" + ZEROS + "','OPEN','CLOSED')");
            }
        }
        for (int i = 0; i < PER_DAY; i++) {
            Service sv = pick(services, random);
            int hour = 7 + pickHour(random);
            Instant issued = at(day, hour * 60).plusMillis(random.nextLong(3_600_000));
            int number = numbers.merge(sv.id(), 1, Integer::sum);
            String display = sv.prefix() + "-" + String.format(Locale.ROOT, "%03d", number);
            double p = random.nextDouble();
            String priority = p < 0.85 ? "GENERAL" : p < 0.95 ? "SENIOR_CITIZEN" : p < 0.98 ? "PREGNANT" : "DIVYANG";
            double c = random.nextDouble();
            String channel = c < 0.5 ? "KIOSK" : c < 0.95 ? "COUNTER" : "APPOINTMENT";
            double o = random.nextDouble();
            String status = o < 0.93 ? "COMPLETED" : o < 0.98 ? "NO_SHOW" : "CANCELLED";
            // busier hours wait longer: about 15 min before 8, up to about 75 at the 9 o'clock peak
            long waitS = (long) (60 * (5 + HOURS[hour - 7] * 280 * (0.5 + random.nextDouble())));
            long serviceS = 120 + random.nextLong(480);
            long counter = sv.counters().length == 0 ? 0 : sv.counters()[random.nextInt(sv.counters().length)];
            Instant called = issued.plusSeconds(waitS);
            Instant started = called.plusSeconds(30 + random.nextLong(60));
            Instant completed = started.plusSeconds(serviceS);
            int told = (int) Math.max(0, waitS / 60 + random.nextInt(-15, 16));
            String counterSql = counter == 0 ? "NULL" : Long.toString(counter);
            boolean cancelled = status.equals("CANCELLED");
            tokens.add("(" + id + ",'DEMO','Y" + id + "','" + day + "'," + sv.id() + ",''," + number + ",'" + display + "',"
                    + sv.id() + ",'" + priority + "'," + (priority.equals("GENERAL") ? 0 : 1) + ",'" + channel + "','" + status
                    + "','" + sql(issued) + "','" + sql(issued) + "'," + (cancelled ? "NULL" : "'" + sql(called) + "'") + ","
                    + (status.equals("COMPLETED") ? "'" + sql(started) + "','" + sql(completed) + "'" : "NULL,NULL") + ","
                    + (cancelled ? "NULL" : counterSql) + "," + (cancelled ? 0 : 1) + ",0,'" + sql(issued) + "',0,"
                    + (channel.equals("APPOINTMENT") ? "NULL" : told) + ")");
            String about = ",'" + day + "'," + id + ",'" + display + "'," + sv.id() + ",";
            journal.add("('DEMO','ISSUED','" + sql(issued) + "'" + about + "NULL,'registrar',0,'" + ZEROS + "','" + ZEROS + "',NULL,NULL)");
            if (cancelled) {
                journal.add("('DEMO','CANCELLED','" + sql(issued.plusSeconds(waitS / 2)) + "'" + about + "NULL,'registrar',0,'"
                        + ZEROS + "','" + ZEROS + "',NULL,NULL)");
            } else {
                journal.add(entry("CALLED", called, about, counterSql));
                if (status.equals("NO_SHOW")) {
                    journal.add(entry("NO_SHOW", called.plusSeconds(120), about, counterSql));
                } else {
                    journal.add(entry("STARTED", started, about, counterSql));
                    journal.add(entry("COMPLETED", completed, about, counterSql));
                }
            }
            id++;
        }
        tokens.flush();
        journal.flush();
        return id;
    }

    static String entry(String type, Instant at, String about, String counter) {
        return "('DEMO','" + type + "','" + sql(at) + "'" + about + counter + ",'counter1',0,'" + ZEROS + "','" + ZEROS + "',NULL,NULL)";
    }

    static Instant at(LocalDate day, int minuteOfDay) {
        return day.atStartOfDay(IST).plusMinutes(minuteOfDay).toInstant();
    }

    static String sql(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(SQL);
    }

    static Service pick(List<Service> services, SplittableRandom random) {
        double r = random.nextDouble();
        double sum = services.stream().mapToDouble(Service::share).sum();
        for (Service s : services) {
            r -= s.share() / sum;
            if (r < 0) {
                return s;
            }
        }
        return services.get(services.size() - 1);
    }

    static int pickHour(SplittableRandom random) {
        double r = random.nextDouble();
        for (int h = 0; h < HOURS.length; h++) {
            r -= HOURS[h];
            if (r < 0) {
                return h;
            }
        }
        return HOURS.length - 1;
    }

    /** Multi-row INSERTs of 2,000 rows each. */
    static final class Rows {
        private final Statement statement;
        private final String insert;
        private final StringBuilder sql = new StringBuilder();
        private int n;

        Rows(Statement statement, String insert) {
            this.statement = statement;
            this.insert = insert;
        }

        void add(String row) throws Exception {
            sql.append(n == 0 ? insert : ",").append(row);
            if (++n == 2000) {
                flush();
            }
        }

        void flush() throws Exception {
            if (n > 0) {
                statement.execute(sql.toString());
                sql.setLength(0);
                n = 0;
            }
        }
    }
}
