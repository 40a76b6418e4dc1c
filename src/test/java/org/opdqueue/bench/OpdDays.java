package org.opdqueue.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Busy OPD days written straight into the token table and the journal, for timing the reports on a year of data. Each
 * day is made whole (no copies): arrivals with a morning peak, the services by their share, priority categories,
 * kiosk / counter / appointment channels, no-shows (some come back and are seen), cancels, transfers to a second
 * service, a lunch pause at half the counters, and every 30th day a 20-minute outage whose tokens are offline kiosk
 * and paper tokens merged afterwards. The journal gets the entries the reports read (called, started, completed,
 * no-show, requeued, transferred, cancelled, counter state changes); issue entries are left out, as no report reads
 * them. Days are written with {@code LOAD DATA LOCAL INFILE}, ten days a transaction, the next ten being made while
 * the database loads these. The journal entries carry a placeholder hash chain: such a database is for timing only.
 */
public final class OpdDays {

    /** Share of the day's arrivals per clock hour, 07:00–15:59: most between 8 and 11 a.m., as in Indian OPDs. */
    static final double[] HOURS = { 0.04, 0.18, 0.24, 0.20, 0.14, 0.09, 0.06, 0.03, 0.02 };
    static final int FIRST_HOUR = 7;
    static final int DAYS_A_LOAD = 10;
    static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    static final String ZEROS = "0".repeat(64);
    static final Map<String, Double> SHARES = Map.of("MED", 0.35, "ORTH", 0.12, "ENT", 0.08, "PAED", 0.12, "GYN", 0.13,
            "LAB", 0.20);

    /** A service as generated: its share of the day's tokens and the counters that serve it. */
    public record Service(long id, String code, String prefix, double share, long[] counters) {
    }

    /** What was written for one day, for checking the roll-ups against. */
    public record DayCount(LocalDate day, long issued, long completed, long noShow, long cancelled, long transferred,
            long[] arrivalsByHour) {
    }

    private final String facility;
    private final List<Service> services;
    private final int perDay;
    private final ZoneId zone;
    private final long seed;

    public OpdDays(String facility, List<Service> services, int perDay, ZoneId zone, long seed) {
        if (services.stream().allMatch(s -> s.counters().length == 0)) {
            throw new IllegalArgumentException("no service has a counter");
        }
        this.facility = facility;
        this.services = services.stream().filter(s -> s.counters().length > 0).toList();
        this.perDay = perDay;
        this.zone = zone;
        this.seed = seed;
    }

    /** The facility's services with counters, shared as in a district hospital's OPD (others an equal small share). */
    public static List<Service> servicesOf(Connection c, String facility) throws SQLException {
        List<Service> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, code, token_prefix FROM "
                + "service_point WHERE facility = '" + facility + "' ORDER BY id")) {
            while (r.next()) {
                found.add(new Service(r.getLong(1), r.getString(2), r.getString(3), SHARES.getOrDefault(r.getString(2), 0.05), null));
            }
        }
        List<Service> services = new ArrayList<>();
        for (Service sv : found) {
            List<Long> counters = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT counter_id FROM counter_service WHERE service_id = " + sv.id() + " ORDER BY counter_id")) {
                while (r.next()) {
                    counters.add(r.getLong(1));
                }
            }
            services.add(new Service(sv.id(), sv.code(), sv.prefix(), sv.share(), counters.stream().mapToLong(Long::longValue).toArray()));
        }
        return services;
    }

    /**
     * Writes the days {@code from} to {@code to}, both included. The connection must allow local infile
     * ({@code allowLocalInfile=true}); its autocommit is turned off.
     */
    public List<DayCount> write(Connection c, LocalDate from, LocalDate to, Path scratch) throws Exception {
        Files.createDirectories(scratch);
        long firstId;
        try (Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            // the generated rows are unique and their services and counters exist: checking each one only slows the load
            s.execute("SET unique_checks = 0");
            s.execute("SET foreign_key_checks = 0");
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM token")) {
                r.next();
                firstId = r.getLong(1);
            }
        }
        c.setAutoCommit(false);
        List<DayCount> counts = new ArrayList<>();
        ExecutorService maker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "opd-days");
            t.setDaemon(true);
            return t;
        });
        try {
            LocalDate start = from;
            long id = firstId;
            Future<Chunk> next = maker.submit(chunk(start, to, id, scratch, 0));
            int n = 0;
            while (next != null) {
                Chunk made = next.get();
                LocalDate after = made.last().plusDays(1);
                next = after.isAfter(to) ? null : maker.submit(chunk(after, to, made.nextId(), scratch, ++n));
                load(c, made);
                c.commit();
                counts.addAll(made.counts());
                Files.deleteIfExists(made.tokens());
                Files.deleteIfExists(made.journal());
            }
        } finally {
            maker.shutdownNow();
            try (Statement s = c.createStatement()) {
                s.execute("SET unique_checks = 1");
                s.execute("SET foreign_key_checks = 1");
            }
        }
        return counts;
    }

    private record Chunk(LocalDate last, long nextId, Path tokens, Path journal, List<String> outages,
            List<DayCount> counts) {
    }

    private java.util.concurrent.Callable<Chunk> chunk(LocalDate first, LocalDate to, long firstId, Path scratch, int n) {
        return () -> {
            Path tokens = scratch.resolve("tokens-" + n + ".tsv");
            Path journal = scratch.resolve("journal-" + n + ".tsv");
            List<String> outages = new ArrayList<>();
            List<DayCount> counts = new ArrayList<>();
            long id = firstId;
            LocalDate day = first;
            try (BufferedWriter t = Files.newBufferedWriter(tokens, StandardCharsets.UTF_8);
                    BufferedWriter j = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
                for (int i = 0; i < DAYS_A_LOAD && !day.isAfter(to); i++, day = day.plusDays(1)) {
                    DayWriter w = new DayWriter(day, id, new SplittableRandom(seed ^ day.toEpochDay() * 0x9E3779B97F4A7C15L));
                    counts.add(w.write(t, j, outages));
                    id = w.id;
                }
            }
            return new Chunk(day.minusDays(1), id, tokens, journal, outages, counts);
        };
    }

    private void load(Connection c, Chunk chunk) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOAD DATA LOCAL INFILE '" + chunk.tokens().toAbsolutePath() + "' INTO TABLE token CHARACTER SET "
                    + "utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (id, facility, public_code, "
                    + "business_day, number_service_id, number_series, number, display_number, service_id, priority, "
                    + "is_priority, channel, status, issued_at, queued_at, called_at, started_at, completed_at, counter_id, "
                    + "call_count, degraded, device_id, device_time, received_at, version, estimated_wait_at_issue)");
            s.execute("LOAD DATA LOCAL INFILE '" + chunk.journal().toAbsolutePath() + "' INTO TABLE journal_entry "
                    + "CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (facility, type, "
                    + "occurred_at, business_day, token_id, display_number, service_id, from_service_id, counter_id, "
                    + "actor, degraded, device_id, device_time, content_hash, @chain_hash, counter_state_before, "
                    + "counter_state_after)");
            // the placeholder chain in the table the sealer writes (V43), so it has nothing to catch up on
            s.execute("INSERT INTO journal_seal (seq, chain_hash) SELECT seq, '" + ZEROS + "' FROM journal_entry "
                    + "WHERE seq > (SELECT COALESCE(MAX(seq), 0) FROM journal_seal)");
            for (String outage : chunk.outages()) {
                s.execute("INSERT IGNORE INTO outage (facility, started_at, ended_at, cause, kind) VALUES (" + outage + ")");
            }
        }
    }

    /** One day's tokens and journal entries, in the order the journal would have them (by time). */
    private final class DayWriter {
        private final LocalDate day;
        private final SplittableRandom random;
        private long id;
        private final List<Line> entries = new ArrayList<>();
        private final Map<String, Integer> numbers = new HashMap<>();

        private record Line(long at, int order, String text) {
        }

        DayWriter(LocalDate day, long id, SplittableRandom random) {
            this.day = day;
            this.id = id;
            this.random = random;
        }

        DayCount write(BufferedWriter tokens, BufferedWriter journal, List<String> outages) throws IOException {
            boolean outageDay = day.toEpochDay() % 30 == 10;
            Instant outageFrom = at(10 * 60);
            Instant outageTo = at(10 * 60 + 20);
            if (outageDay) {
                outages.add("'" + facility + "','" + sql(outageFrom) + "','" + sql(outageTo) + "','generated','DATABASE'");
            }
            for (Service sv : services) {
                for (int k = 0; k < sv.counters().length; k++) {
                    long counter = sv.counters()[k];
                    counterChange(counter, at(8 * 60 + random.nextInt(20)), "CLOSED", "OPEN");
                    if (k % 2 == 1) {
                        int lunch = 12 * 60 + 30 + random.nextInt(30);
                        counterChange(counter, at(lunch), "OPEN", "PAUSED");
                        counterChange(counter, at(lunch + 15 + random.nextInt(15)), "PAUSED", "OPEN");
                    }
                    counterChange(counter, at(16 * 60 + 30 + random.nextInt(30)), "OPEN", "CLOSED");
                }
            }
            long completed = 0;
            long noShow = 0;
            long cancelled = 0;
            long transferred = 0;
            long[] arrivals = new long[24];
            for (int i = 0; i < perDay; i++) {
                Service sv = pick();
                int hour = FIRST_HOUR + pickHour();
                Instant issued = at(hour * 60).plusMillis(random.nextLong(3_600_000));
                arrivals[issued.atZone(zone).getHour()]++;
                boolean offline = outageDay && !issued.isBefore(outageFrom) && issued.isBefore(outageTo);
                double p = random.nextDouble();
                String priority = p < 0.85 ? "GENERAL" : p < 0.95 ? "SENIOR_CITIZEN" : p < 0.98 ? "PREGNANT" : "DIVYANG";
                double ch = random.nextDouble();
                String channel = offline ? (ch < 0.5 ? "OFFLINE_KIOSK" : "PAPER")
                        : ch < 0.45 ? "KIOSK" : ch < 0.95 ? "COUNTER" : "APPOINTMENT";
                String series = offline ? (channel.equals("PAPER") ? "P1" : "K1") : "";
                int number = numbers.merge(sv.id() + "/" + series, 1, Integer::sum);
                String display = sv.prefix() + "-" + series + String.format(Locale.ROOT, "%03d", number);
                // busier hours wait longer: about 15 min before 8, up to about 75 at the 9 o'clock peak
                long waitS = (long) (60 * (5 + HOURS[hour - FIRST_HOUR] * 280 * (0.5 + random.nextDouble())));
                Integer told = channel.equals("APPOINTMENT") || offline ? null
                        : (int) Math.max(0, waitS / 60 + random.nextInt(-15, 16));
                double o = random.nextDouble();
                String about = day + "\t" + id + "\t" + display + "\t";
                Instant calledAt = null;
                Instant startedAt = null;
                Instant completedAt = null;
                long counter = 0;
                long serviceNow = sv.id();
                Instant queuedAt = issued;
                int calls = 0;
                String status;
                if (o < 0.02) {
                    status = "CANCELLED";
                    entry(issued.plusSeconds(waitS / 2), "CANCELLED", about, sv.id(), 0, 0, "registrar");
                } else {
                    counter = counterOf(sv);
                    calledAt = issued.plusSeconds(waitS);
                    calls++;
                    entry(calledAt, "CALLED", about, sv.id(), 0, counter, "counter1");
                    Instant t = calledAt;
                    if (o < 0.075) {
                        // a no-show: most do not come back; some are put back in the queue and seen later
                        t = t.plusSeconds(120);
                        entry(t, "NO_SHOW", about, sv.id(), 0, counter, "counter1");
                        if (o < 0.06) {
                            status = "NO_SHOW";
                            tokens.write(token(sv, series, number, display, serviceNow, priority, channel, status, issued,
                                    queuedAt, calledAt, null, null, counter, calls, offline, told));
                            noShow++;
                            id++;
                            continue;
                        }
                        t = t.plusSeconds(600 + random.nextLong(1200));
                        entry(t, "REQUEUED", about, sv.id(), 0, counter, "counter1");
                        queuedAt = t;
                        t = t.plusSeconds(300 + random.nextLong(900));
                        calledAt = t;
                        calls++;
                        entry(t, "CALLED", about, sv.id(), 0, counter, "counter1");
                    }
                    startedAt = t.plusSeconds(30 + random.nextLong(60));
                    completedAt = startedAt.plusSeconds(120 + random.nextLong(480));
                    entry(startedAt, "STARTED", about, sv.id(), 0, counter, "counter1");
                    Service to = o > 0.955 ? transferTo(sv) : null;
                    if (to != null) {
                        // seen, then sent on (to the laboratory, mostly) and seen there
                        transferred++;
                        entry(completedAt, "TRANSFERRED", about, to.id(), sv.id(), counter, "counter1");
                        serviceNow = to.id();
                        queuedAt = completedAt;
                        counter = counterOf(to);
                        calledAt = completedAt.plusSeconds(300 + random.nextLong(1800));
                        calls = 1;
                        entry(calledAt, "CALLED", about, to.id(), 0, counter, "counter1");
                        startedAt = calledAt.plusSeconds(30 + random.nextLong(60));
                        completedAt = startedAt.plusSeconds(120 + random.nextLong(300));
                        entry(startedAt, "STARTED", about, to.id(), 0, counter, "counter1");
                    }
                    entry(completedAt, "COMPLETED", about, serviceNow, 0, counter, "counter1");
                    status = "COMPLETED";
                    completed++;
                }
                if (status.equals("CANCELLED")) {
                    cancelled++;
                }
                tokens.write(token(sv, series, number, display, serviceNow, priority, channel, status, issued, queuedAt,
                        calledAt, startedAt, completedAt, counter, calls, offline, told));
                id++;
            }
            entries.sort((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Integer.compare(a.order(), b.order()));
            for (Line l : entries) {
                journal.write(l.text());
            }
            return new DayCount(day, perDay, completed, noShow, cancelled, transferred, arrivals);
        }

        private String token(Service sv, String series, int number, String display, long serviceNow, String priority,
                String channel, String status, Instant issued, Instant queued, Instant called, Instant started,
                Instant completed, long counter, int calls, boolean offline, Integer told) {
            // an offline token reaches the server when the outage is over
            Instant received = offline ? at(10 * 60 + 21) : issued;
            return id + "\t" + facility + "\tY" + id + "\t" + day + "\t" + sv.id() + "\t" + series + "\t" + number + "\t"
                    + display + "\t" + serviceNow + "\t" + priority + "\t" + (priority.equals("GENERAL") ? 0 : 1) + "\t"
                    + channel + "\t" + status + "\t" + sql(issued) + "\t" + sql(queued) + "\t" + sql(called) + "\t"
                    + sql(started) + "\t" + sql(completed) + "\t" + (counter == 0 ? "\\N" : counter) + "\t" + calls + "\t"
                    + (offline ? 1 : 0) + "\t" + (offline ? "kiosk-1" : "\\N") + "\t" + (offline ? sql(issued) : "\\N")
                    + "\t" + sql(received) + "\t0\t" + (told == null ? "\\N" : told) + "\n";
        }

        private void entry(Instant at, String type, String about, long service, long fromService, long counter,
                String actor) {
            entries.add(new Line(at.toEpochMilli(), entries.size(), facility + "\t" + type + "\t" + sql(at) + "\t" + about
                    + service + "\t" + (fromService == 0 ? "\\N" : fromService) + "\t"
                    + (counter == 0 ? "\\N" : counter) + "\t" + actor + "\t0\t\\N\t\\N\t" + ZEROS + "\t" + ZEROS
                    + "\t\\N\t\\N\n"));
        }

        private void counterChange(long counter, Instant at, String before, String after) {
            entries.add(new Line(at.toEpochMilli(), entries.size(), facility + "\tCOUNTER_STATE_CHANGED\t" + sql(at) + "\t"
                    + day + "\t\\N\t\\N\t\\N\t\\N\t" + counter + "\tcounter1\t0\t\\N\t\\N\t" + ZEROS + "\t" + ZEROS + "\t"
                    + before + "\t" + after + "\n"));
        }

        private long counterOf(Service sv) {
            return sv.counters()[random.nextInt(sv.counters().length)];
        }

        private Service transferTo(Service from) {
            Service lab = services.stream().filter(s -> "LAB".equals(s.code())).findFirst().orElse(null);
            if (lab != null && lab != from) {
                return lab;
            }
            Service other = services.get(random.nextInt(services.size()));
            return other == from ? null : other;
        }

        private Service pick() {
            double sum = services.stream().mapToDouble(Service::share).sum();
            double r = random.nextDouble() * sum;
            for (Service s : services) {
                r -= s.share();
                if (r < 0) {
                    return s;
                }
            }
            return services.get(services.size() - 1);
        }

        private int pickHour() {
            double r = random.nextDouble();
            for (int h = 0; h < HOURS.length; h++) {
                r -= HOURS[h];
                if (r < 0) {
                    return h;
                }
            }
            return HOURS.length - 1;
        }

        private Instant at(int minuteOfDay) {
            return day.atStartOfDay(zone).plusMinutes(minuteOfDay).toInstant();
        }
    }

    static String sql(Instant at) {
        return at == null ? "\\N" : LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(SQL);
    }
}
