package org.opdqueue.paper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.servicepoint.ServicePoint;

/** Reconciles a paper book: how many of its slips were entered back, voided, or are still unaccounted for. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PaperReports {

    public record Voided(String number, String by, Instant at, String reason) {
    }

    public record EnteredBy(String staff, long slips) {
    }

    public record Report(PaperBooks.BookView book, String serviceNameHi, long entered, long voided, long unused,
            List<String> unusedRanges, List<String> unusedNumbers, List<Voided> voidedSlips, List<EnteredBy> enteredBy,
            Instant firstIssuedAt, Instant lastIssuedAt) {
    }

    /** A book in the list: its range and its counts so far. */
    public record Summary(PaperBooks.BookView book, long entered, long voided, long unused) {
    }

    private final Facility facility;
    private final EntityManager em;

    public PaperReports(Facility facility, EntityManager em) {
        this.facility = facility;
        this.em = em;
    }

    public Report of(PaperBook book) {
        ServicePoint service = ServicePoint.findById(book.serviceId);
        List<Object[]> rows = em.createQuery("""
                select s.number, s.outcome, s.recordedBy, s.recordedAt, s.reason, t.issuedAt
                from PaperSlip s left join Token t on t.id = s.tokenId
                where s.facility = ?1 and s.bookId = ?2 order by s.number""", Object[].class)
                .setParameter(1, facility.code()).setParameter(2, book.id).getResultList();
        BitSet used = new BitSet(book.slips());
        List<Voided> voided = new ArrayList<>();
        Map<String, Long> byStaff = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        for (Object[] r : rows) {
            int number = ((Number) r[0]).intValue();
            used.set(number - book.firstNumber);
            String by = (String) r[2];
            if (r[1] == PaperSlip.Outcome.VOIDED) {
                voided.add(new Voided(PaperNumber.format(service.tokenPrefix, number), by, (Instant) r[3], (String) r[4]));
                continue;
            }
            byStaff.merge(by, 1L, Long::sum);
            Instant issued = (Instant) r[5];
            first = first == null || issued.isBefore(first) ? issued : first;
            last = last == null || issued.isAfter(last) ? issued : last;
        }
        List<String> unusedNumbers = new ArrayList<>();
        List<String> unusedRanges = new ArrayList<>();
        for (int i = used.nextClearBit(0); i < book.slips(); i = used.nextClearBit(i)) {
            int end = Math.min(used.nextSetBit(i) < 0 ? book.slips() : used.nextSetBit(i), book.slips());
            for (int n = i; n < end; n++) {
                unusedNumbers.add(PaperNumber.format(service.tokenPrefix, book.firstNumber + n));
            }
            String from = PaperNumber.format(service.tokenPrefix, book.firstNumber + i);
            unusedRanges.add(end - i == 1 ? from : from + "–" + PaperNumber.format(service.tokenPrefix, book.firstNumber + end - 1));
            i = end;
        }
        long entered = rows.size() - voided.size();
        return new Report(PaperBooks.BookView.of(book, service), service.nameHi, entered, voided.size(), unusedNumbers.size(),
                unusedRanges, unusedNumbers, voided,
                byStaff.entrySet().stream().map(e -> new EnteredBy(e.getKey(), e.getValue())).toList(), first, last);
    }

    public List<Summary> summaries() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT book_id, SUM(outcome = 'ENTERED'), SUM(outcome = 'VOIDED') FROM paper_slip
                WHERE facility = ?1 GROUP BY book_id""").setParameter(1, facility.code()).getResultList();
        Map<Long, long[]> counts = new TreeMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), new long[] { ((Number) r[1]).longValue(), ((Number) r[2]).longValue() }));
        Map<Long, ServicePoint> services = new TreeMap<>();
        return PaperBook.listFor(facility.code()).stream().map(b -> {
            long[] c = counts.getOrDefault(b.id, new long[2]);
            ServicePoint service = services.computeIfAbsent(b.serviceId, id -> ServicePoint.findById(id));
            return new Summary(PaperBooks.BookView.of(b, service), c[0], c[1], b.slips() - c[0] - c[1]);
        }).toList();
    }
}
