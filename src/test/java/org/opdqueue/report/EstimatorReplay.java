package org.opdqueue.report;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.opdqueue.queue.CallPolicy;
import org.opdqueue.queue.WaitEstimator;

/**
 * A simulated OPD day of one service, second by second, with both wait estimators asked at every issue what they
 * would tell the patient, from only what the system knows at that moment; afterwards each is compared with the wait
 * the patient really had (issue to first call). Arrivals follow an Indian OPD's morning: 4 % of the day's patients
 * arrive 7–8 a.m., 18 % 8–9, 24 % 9–10, 20 % 10–11, 14 % 11–12, then fewer until 4 p.m. Doctors come in one by one
 * (the first at 8, the last an hour later), one takes a half-hour break at 11; 15 % of patients are in the priority
 * lane (interleave 2); a called patient takes 20–120 s to walk up; 6 % do not come (the counter waits 2 minutes,
 * then calls the next); service times are log-normal around the service's mean.
 */
final class EstimatorReplay {

    static final double[] HOURS = { 0.04, 0.18, 0.24, 0.20, 0.14, 0.09, 0.06, 0.03, 0.02 };

    /** A service as simulated: patients a day, mean service seconds, and when each counter opens (minutes after 7). */
    record Scenario(String name, int patients, int meanServiceSeconds, int[] counterOpensAt) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("General Medicine", 300, 300, new int[] { 60, 60, 90, 120 }),
            new Scenario("Orthopaedics", 110, 420, new int[] { 60, 105 }),
            new Scenario("Sample collection", 260, 120, new int[] { 60, 60, 75 }));

    /** What an estimator told, and what happened. */
    record Told(long estimateMinutes, long actualSeconds) {
        int errorMinutes() {
            return (int) Math.round(actualSeconds / 60.0 - estimateMinutes);
        }
    }

    static final class Patient {
        final int arrival;
        final boolean priority;
        int firstCall = -1;
        final long[] told = new long[WaitEstimator.values().length];

        Patient(int arrival, boolean priority) {
            this.arrival = arrival;
            this.priority = priority;
        }
    }

    /** Runs one day; returns per estimator what it told each patient and the wait they had. */
    static Map<WaitEstimator, List<Told>> day(Scenario s, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Patient> arrivals = new ArrayList<>();
        for (int i = 0; i < s.patients(); i++) {
            int hour = pick(random);
            arrivals.add(new Patient(hour * 3600 + random.nextInt(3600), random.nextDouble() < 0.15));
        }
        arrivals.sort((a, b) -> Integer.compare(a.arrival, b.arrival));
        Deque<Patient> priority = new ArrayDeque<>();
        Deque<Patient> general = new ArrayDeque<>();
        int counters = s.counterOpensAt().length;
        int[] freeAt = new int[counters];
        List<Integer> calls = new ArrayList<>();
        List<int[]> pendingCompletions = new ArrayList<>(); // {completedAt, seconds}
        Deque<Integer> recentService = new ArrayDeque<>();
        CallPolicy policy = new CallPolicy(2, 0);
        int next = 0;
        int firstCall = -1;
        for (int t = 0; next < arrivals.size() || !priority.isEmpty() || !general.isEmpty(); t++) {
            final int now = t;
            pendingCompletions.removeIf(c -> {
                if (c[0] <= now) {
                    recentService.addLast(c[1]);
                    if (recentService.size() > 20) {
                        recentService.removeFirst();
                    }
                    return true;
                }
                return false;
            });
            int open = 0;
            for (int c = 0; c < counters; c++) {
                open += isOpen(s, c, t) ? 1 : 0;
            }
            while (next < arrivals.size() && arrivals.get(next).arrival == t) {
                Patient p = arrivals.get(next++);
                long sameLane = p.priority ? priority.size() : general.size();
                long otherLane = p.priority ? general.size() : priority.size();
                long ahead = policy.peopleAhead(p.priority, sameLane, otherLane);
                int window = (int) WaitEstimator.WINDOW.toSeconds();
                int recent = (int) calls.stream().filter(c -> c > now - window).count();
                int calledFor = firstCall < 0 ? 0 : Math.min(window, t - firstCall);
                double avg = recentService.stream().mapToInt(Integer::intValue).average().orElse(300);
                WaitEstimator.Load load = new WaitEstimator.Load(Duration.ofSeconds(Math.max(30, Math.round(avg))), open,
                        recent, Duration.ofSeconds(calledFor));
                for (WaitEstimator e : WaitEstimator.values()) {
                    p.told[e.ordinal()] = e.minutes(ahead, load);
                }
                (p.priority ? priority : general).addLast(p);
            }
            for (int c = 0; c < counters; c++) {
                if (!isOpen(s, c, t) || freeAt[c] > t || (priority.isEmpty() && general.isEmpty())) {
                    continue;
                }
                CallPolicy.Lane lane = policy.nextLane(!priority.isEmpty(), !general.isEmpty(),
                        !priority.isEmpty() && !general.isEmpty() && priority.peekFirst().arrival < general.peekFirst().arrival);
                Patient p = lane == CallPolicy.Lane.PRIORITY ? priority.removeFirst() : general.removeFirst();
                policy = policy.after(lane);
                p.firstCall = t;
                firstCall = firstCall < 0 ? t : firstCall;
                calls.add(t);
                if (random.nextDouble() < 0.06) {
                    freeAt[c] = t + 120;
                    continue;
                }
                int walk = 20 + random.nextInt(101);
                int service = (int) Math.max(30, Math.round(s.meanServiceSeconds()
                        * Math.exp(random.nextGaussian() * 0.5 - 0.125)));
                freeAt[c] = t + walk + service;
                pendingCompletions.add(new int[] { freeAt[c], service });
            }
        }
        Map<WaitEstimator, List<Told>> told = new TreeMap<>();
        for (WaitEstimator e : WaitEstimator.values()) {
            told.put(e, arrivals.stream().map(p -> new Told(p.told[e.ordinal()], p.firstCall - p.arrival)).toList());
        }
        return told;
    }

    /** Counter c opens at its time and stays open (one takes a break 11:00–11:30) until its queue is empty. */
    static boolean isOpen(Scenario s, int c, int t) {
        if (t < s.counterOpensAt()[c] * 60) {
            return false;
        }
        return !(c == 1 && t >= 4 * 3600 && t < 4 * 3600 + 1800);
    }

    static int pick(SplittableRandom random) {
        double r = random.nextDouble();
        for (int h = 0; h < HOURS.length; h++) {
            r -= HOURS[h];
            if (r < 0) {
                return h;
            }
        }
        return HOURS.length - 1;
    }

    /** Errors of many days per scenario and estimator: the README's table. */
    static Map<String, Map<WaitEstimator, DayReport.EstimateRow>> compare(int days) {
        Map<String, Map<WaitEstimator, DayReport.EstimateRow>> table = new java.util.LinkedHashMap<>();
        Map<WaitEstimator, Map<Integer, Long>> all = new TreeMap<>();
        for (Scenario s : SCENARIOS) {
            Map<WaitEstimator, Map<Integer, Long>> errors = new TreeMap<>();
            for (int d = 0; d < days; d++) {
                day(s, 1000L * d + s.name().hashCode()).forEach((e, told) -> told.forEach(t -> {
                    errors.computeIfAbsent(e, x -> new TreeMap<>()).merge(t.errorMinutes(), 1L, Long::sum);
                    all.computeIfAbsent(e, x -> new TreeMap<>()).merge(t.errorMinutes(), 1L, Long::sum);
                }));
            }
            Map<WaitEstimator, DayReport.EstimateRow> rows = new TreeMap<>();
            errors.forEach((e, h) -> rows.put(e, EstimateAccuracy.of(s.name(), h)));
            table.put(s.name(), rows);
        }
        Map<WaitEstimator, DayReport.EstimateRow> total = new TreeMap<>();
        all.forEach((e, h) -> total.put(e, EstimateAccuracy.of("all", h)));
        table.put("all", total);
        return table;
    }

    static String markdown(Map<String, Map<WaitEstimator, DayReport.EstimateRow>> table, int days) {
        StringBuilder md = new StringBuilder("| service (" + days + " simulated days) | estimator | tokens | median abs. error "
                + "(min) | within ±10 min | bias (min) |\n|---|---|---|---|---|---|\n");
        table.forEach((service, rows) -> rows.forEach((e, r) -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %,d | %.0f | %.0f %% | %+.1f |%n", service, e, r.tokens(), r.medianAbsErrorMinutes(),
                100 * r.within10MinShare(), r.biasMinutes()))));
        return md.toString();
    }

    public static void main(String[] args) {
        int days = Integer.getInteger("days", 30);
        System.out.print(markdown(compare(days), days));
    }
}
