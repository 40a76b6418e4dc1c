package org.opdqueue.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.opdqueue.token.Channel;
import org.opdqueue.token.TokenStatus;

/** The measures of one day, from its facts alone (no database): the definitions in the README, written once. */
final class DayMeasures {

    private final DayFacts facts;
    private final ReportDay days;
    private final Instant until;

    /** @param until where an open period ends: the day's end, or now for today */
    DayMeasures(DayFacts facts, ReportDay days, Instant until) {
        this.facts = facts;
        this.days = days;
        this.until = until.isBefore(facts.end()) ? until : facts.end();
    }

    DayFigures measure(List<DayReport.OutageRow> outages) {
        List<DayFacts.TokenFact> tokens = facts.tokens();
        List<DayFacts.Visit> visits = facts.visits();
        long issued = tokens.size();
        long completed = count(tokens, t -> t.status() == TokenStatus.COMPLETED);
        long noShow = count(tokens, t -> t.status() == TokenStatus.NO_SHOW);
        long cancelled = count(tokens, t -> t.status() == TokenStatus.CANCELLED);
        long transferred = visits.stream().filter(v -> !v.first()).map(DayFacts.Visit::tokenId).distinct().count();
        long returned = visits.stream().filter(v -> v.noShows() > 0 && v.served()).count();
        DayReport.Totals totals = new DayReport.Totals(issued, completed, noShow, cancelled, rate(noShow, issued),
                rate(cancelled, issued), waiting(visits), service(visits), transferred, returned);

        long[] arrivals = new long[24];
        long[] completions = new long[24];
        Map<Integer, List<Long>> waitByHour = new HashMap<>();
        tokens.forEach(t -> arrivals[days.hourOf(t.issuedAt())]++);
        for (DayFacts.Visit v : visits) {
            if (v.end() == DayFacts.End.COMPLETED) {
                completions[days.hourOf(v.finished())]++;
            }
            if (v.waitingSeconds() != null) {
                waitByHour.computeIfAbsent(days.hourOf(v.queuedFrom()), h -> new ArrayList<>()).add(v.waitingSeconds());
            }
        }
        List<DayReport.Hour> byHour = new ArrayList<>();
        for (int h : days.hours()) {
            byHour.add(new DayReport.Hour(h, arrivals[h], completions[h], Spread.of(waitByHour.getOrDefault(h, List.of()))));
        }

        Map<Long, Map<Integer, Long>> errors = estimateErrors(tokens, visits);
        return new DayFigures(new DayReport(facts.day().toString(), totals, byHour, byService(tokens, visits),
                byChannel(tokens), byCategory(tokens, visits), outages, new DayReport.Estimates(estimateRows(errors))),
                new CounterReport(facts.day().toString(), counters(visits)), arrivals, errors);
    }

    private List<DayReport.ServiceRow> byService(List<DayFacts.TokenFact> tokens, List<DayFacts.Visit> visits) {
        Map<Long, List<DayFacts.Visit>> visitsBy = group(visits, DayFacts.Visit::serviceId);
        Map<Long, List<DayFacts.TokenFact>> issuedTo = group(tokens, DayFacts.TokenFact::issueServiceId);
        Map<Long, List<DayFacts.TokenFact>> endedIn = group(tokens, DayFacts.TokenFact::serviceId);
        List<DayReport.ServiceRow> rows = new ArrayList<>();
        for (Long id : new TreeSet<>(visitsBy.keySet())) {
            DayFacts.ServiceName name = facts.services().getOrDefault(id, new DayFacts.ServiceName("#" + id, "", ""));
            List<DayFacts.TokenFact> ended = endedIn.getOrDefault(id, List.of());
            List<DayFacts.Visit> here = visitsBy.get(id);
            rows.add(new DayReport.ServiceRow(name.code(), name.nameEn(), name.nameHi(),
                    issuedTo.getOrDefault(id, List.of()).size(), count(here, v -> !v.first()),
                    count(ended, t -> t.status() == TokenStatus.COMPLETED), count(ended, t -> t.status() == TokenStatus.NO_SHOW),
                    count(ended, t -> t.status() == TokenStatus.CANCELLED), waiting(here), service(here)));
        }
        rows.sort(Comparator.comparing(DayReport.ServiceRow::serviceCode));
        return rows;
    }

    private static List<DayReport.ChannelRow> byChannel(List<DayFacts.TokenFact> tokens) {
        Map<Channel, List<DayFacts.TokenFact>> by = group(tokens, DayFacts.TokenFact::channel);
        List<DayReport.ChannelRow> rows = new ArrayList<>();
        for (Channel c : Channel.values()) {
            rows.add(new DayReport.ChannelRow(c.name(), by.getOrDefault(c, List.of()).size()));
        }
        return rows;
    }

    private static List<DayReport.CategoryRow> byCategory(List<DayFacts.TokenFact> tokens, List<DayFacts.Visit> visits) {
        Map<Long, String> categoryOf = new HashMap<>();
        tokens.forEach(t -> categoryOf.put(t.id(), t.category()));
        Map<String, List<DayFacts.TokenFact>> by = group(tokens, DayFacts.TokenFact::category);
        Map<String, List<DayFacts.Visit>> visitsBy = group(visits, v -> categoryOf.get(v.tokenId()));
        return new TreeMap<>(by).entrySet().stream().map(e -> new DayReport.CategoryRow(e.getKey(), e.getValue().size(),
                waiting(visitsBy.getOrDefault(e.getKey(), List.of())))).toList();
    }

    /** Per service, the first visit's actual wait minus what the token was told at issue, in whole minutes. */
    private static Map<Long, Map<Integer, Long>> estimateErrors(List<DayFacts.TokenFact> tokens,
            List<DayFacts.Visit> visits) {
        Map<Long, DayFacts.TokenFact> told = new HashMap<>();
        tokens.stream().filter(t -> t.estimatedWaitAtIssue() != null).forEach(t -> told.put(t.id(), t));
        Map<Long, Map<Integer, Long>> errors = new TreeMap<>();
        for (DayFacts.Visit v : visits) {
            DayFacts.TokenFact t = told.get(v.tokenId());
            if (v.first() && t != null && v.waitingSeconds() != null) {
                int error = (int) Math.round(v.waitingSeconds() / 60.0 - t.estimatedWaitAtIssue());
                errors.computeIfAbsent(v.serviceId(), s -> new TreeMap<>()).merge(error, 1L, Long::sum);
            }
        }
        return errors;
    }

    private List<DayReport.EstimateRow> estimateRows(Map<Long, Map<Integer, Long>> errors) {
        List<DayReport.EstimateRow> rows = new ArrayList<>();
        errors.forEach((service, histogram) -> rows.add(EstimateAccuracy.of(code(service), histogram)));
        rows.sort(Comparator.comparing(DayReport.EstimateRow::serviceCode));
        return rows;
    }

    private String code(Long serviceId) {
        DayFacts.ServiceName name = facts.services().get(serviceId);
        return name == null ? "#" + serviceId : name.code();
    }

    /**
     * Open time from the counter's state changes (OPEN until it is paused or closed) within the day, up to now for
     * today; serving time, completions and service times from the visits it started.
     */
    private List<CounterReport.CounterRow> counters(List<DayFacts.Visit> visits) {
        Map<Long, List<DayFacts.CounterChange>> changes = group(facts.counterChanges(), DayFacts.CounterChange::counterId);
        Map<Long, List<DayFacts.Visit>> served = group(visits.stream().filter(v -> v.served() && v.counterId() != null)
                .toList(), DayFacts.Visit::counterId);
        List<CounterReport.CounterRow> rows = new ArrayList<>();
        for (Map.Entry<Long, String> c : new TreeMap<>(facts.counterNames()).entrySet()) {
            long open = openSeconds(facts.counterStateAtStart().get(c.getKey()), changes.getOrDefault(c.getKey(), List.of()));
            List<DayFacts.Visit> here = served.getOrDefault(c.getKey(), List.of());
            if (open == 0 && here.isEmpty()) {
                continue;
            }
            long serving = here.stream().map(DayFacts.Visit::serviceSeconds).filter(s -> s != null).mapToLong(Long::longValue)
                    .sum();
            Map<String, List<DayFacts.Visit>> byStaff = group(here, v -> v.staff() == null ? "" : v.staff());
            List<CounterReport.StaffRow> staff = new TreeMap<>(byStaff).entrySet().stream()
                    .map(e -> new CounterReport.StaffRow(e.getKey().isEmpty() ? null : e.getKey(),
                            count(e.getValue(), v -> v.end() == DayFacts.End.COMPLETED), service(e.getValue())))
                    .toList();
            rows.add(new CounterReport.CounterRow(c.getKey(), c.getValue(), open, serving,
                    open == 0 ? null : EstimateAccuracy.round3((double) serving / open),
                    count(here, v -> v.end() == DayFacts.End.COMPLETED), service(here), staff));
        }
        return rows;
    }

    private long openSeconds(String stateAtStart, List<DayFacts.CounterChange> changes) {
        long open = 0;
        Instant from = facts.start();
        String state = stateAtStart;
        for (DayFacts.CounterChange change : changes) {
            Instant at = change.at().isAfter(until) ? until : change.at();
            if ("OPEN".equals(state) && at.isAfter(from)) {
                open += Duration.between(from, at).toSeconds();
            }
            from = at;
            state = change.after();
        }
        if ("OPEN".equals(state) && until.isAfter(from)) {
            open += Duration.between(from, until).toSeconds();
        }
        return open;
    }

    static Spread waiting(List<DayFacts.Visit> visits) {
        return Spread.of(visits.stream().map(DayFacts.Visit::waitingSeconds).filter(s -> s != null).toList());
    }

    static Spread service(List<DayFacts.Visit> visits) {
        return Spread.of(visits.stream().filter(DayFacts.Visit::served).map(DayFacts.Visit::serviceSeconds)
                .filter(s -> s != null).toList());
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : EstimateAccuracy.round3((double) part / whole);
    }

    private static <T> long count(List<T> items, Predicate<T> which) {
        return items.stream().filter(which).count();
    }

    private static <T, K> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        items.forEach(i -> groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return groups;
    }
}
