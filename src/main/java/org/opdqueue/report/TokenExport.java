package org.opdqueue.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;

/**
 * One row per token of a day, with the measures it went into. Without patient details: no staff page or API shows a
 * patient's name, age, mobile, ABHA or UHID to any role today, so neither does the export.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TokenExport {

    private final Facility facility;
    private final ReportDay days;
    private final DayFactsReader reader;
    private final EntityManager em;

    public TokenExport(Facility facility, ReportDay days, DayFactsReader reader, EntityManager em) {
        this.facility = facility;
        this.days = days;
        this.reader = reader;
        this.em = em;
    }

    public String csv(LocalDate day) {
        DayFacts facts = reader.read(day);
        Map<Long, String> numbers = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, display_number FROM token WHERE facility = ?1 AND business_day = ?2""")
                .setParameter(1, facility.code()).setParameter(2, day).getResultList();
        rows.forEach(r -> numbers.put(((Number) r[0]).longValue(), (String) r[1]));
        Map<Long, List<DayFacts.Visit>> visits = new HashMap<>();
        facts.visits().forEach(v -> visits.computeIfAbsent(v.tokenId(), t -> new ArrayList<>()).add(v));
        Csv csv = new Csv("date", "token_id", "number", "issued_to", "service_now", "category", "channel", "status",
                "issued_at", "first_called_at", "waiting_s", "service_s", "visits", "no_shows", "counter_id", "staff",
                "estimated_wait_at_issue_min");
        for (DayFacts.TokenFact t : facts.tokens()) {
            List<DayFacts.Visit> vs = visits.getOrDefault(t.id(), List.of());
            DayFacts.Visit first = vs.stream().filter(DayFacts.Visit::first).findFirst().orElse(null);
            DayFacts.Visit last = vs.isEmpty() ? null : vs.get(vs.size() - 1);
            Long service = vs.stream().filter(DayFacts.Visit::served).map(DayFacts.Visit::serviceSeconds)
                    .filter(s -> s != null).reduce(Long::sum).orElse(null);
            csv.row(day, t.id(), numbers.get(t.id()), code(facts, t.issueServiceId()), code(facts, t.serviceId()),
                    t.category(), t.channel(), t.status(), days.iso(t.issuedAt()),
                    first == null ? null : days.iso(first.firstCall()), first == null ? null : first.waitingSeconds(),
                    service, vs.size(), vs.stream().mapToInt(DayFacts.Visit::noShows).sum(),
                    last == null ? null : last.counterId(), last == null ? null : last.staff(), t.estimatedWaitAtIssue());
        }
        return csv.toString();
    }

    private static String code(DayFacts facts, long serviceId) {
        DayFacts.ServiceName s = facts.services().get(serviceId);
        return s == null ? "#" + serviceId : s.code();
    }
}
