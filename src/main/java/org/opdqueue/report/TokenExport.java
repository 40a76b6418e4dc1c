package org.opdqueue.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * One row per token of a day, with the measures it went into. Without patient details: no staff page or API shows a
 * patient's name, age, mobile, ABHA or UHID to any role today, so neither does the export.
 */
@ApplicationScoped
@Transactional // a transaction of its own, so its connection can be given the reports' long timeout
@ReportReads
public class TokenExport {

    static final String[] HEADER = { "date", "token_id", "number", "issued_to", "service_now", "category", "channel",
        "status", "issued_at", "first_called_at", "waiting_s", "service_s", "visits", "no_shows", "counter_id", "staff",
        "estimated_wait_at_issue_min" };

    private final ReportDay days;
    private final DayFactsReader reader;

    public TokenExport(ReportDay days, DayFactsReader reader) {
        this.days = days;
        this.reader = reader;
    }

    /**
     * The day read now (in the request's transaction), written as the answer is sent: a busy day's 12,000 rows are
     * never held as one text.
     */
    public StreamingOutput csv(LocalDate day) {
        DayFacts facts = reader.read(day);
        Map<Long, List<DayFacts.Visit>> visits = new HashMap<>();
        facts.visits().forEach(v -> visits.computeIfAbsent(v.tokenId(), t -> new ArrayList<>()).add(v));
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write(Csv.BYTE_ORDER_MARK);
            w.write(Csv.line((Object[]) HEADER));
            for (DayFacts.TokenFact t : facts.tokens()) {
                w.write(row(facts, t, visits.getOrDefault(t.id(), List.of())));
            }
            w.flush();
        };
    }

    private String row(DayFacts facts, DayFacts.TokenFact t, List<DayFacts.Visit> vs) {
        DayFacts.Visit first = vs.stream().filter(DayFacts.Visit::first).findFirst().orElse(null);
        DayFacts.Visit last = vs.isEmpty() ? null : vs.get(vs.size() - 1);
        Long service = vs.stream().filter(DayFacts.Visit::served).map(DayFacts.Visit::serviceSeconds)
                .filter(s -> s != null).reduce(Long::sum).orElse(null);
        return Csv.line(facts.day(), t.id(), t.displayNumber(), code(facts, t.issueServiceId()), code(facts, t.serviceId()),
                t.category(), t.channel(), t.status(), days.iso(t.issuedAt()),
                first == null ? null : days.iso(first.firstCall()), first == null ? null : first.waitingSeconds(),
                service, vs.size(), vs.stream().mapToInt(DayFacts.Visit::noShows).sum(),
                last == null ? null : last.counterId(), last == null ? null : last.staff(), t.estimatedWaitAtIssue());
    }

    private static String code(DayFacts facts, long serviceId) {
        DayFacts.ServiceName s = facts.services().get(serviceId);
        return s == null ? "#" + serviceId : s.code();
    }
}
