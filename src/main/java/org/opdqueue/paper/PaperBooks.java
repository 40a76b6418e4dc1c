package org.opdqueue.paper;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * Reserves books of paper slips. Each service has one paper counter row that only grows; a book takes the next
 * range under that row's lock, so two admins reserving at the same moment get ranges one after the other.
 */
@ApplicationScoped
public class PaperBooks {

    public static final int LARGEST_BOOK = 1000;

    /** Seven digits at most, as {@link PaperNumber} reads them back. */
    static final int LARGEST_NUMBER = 9_999_999;

    /** A book as the API and the pages show it. */
    public record BookView(long id, String serviceCode, String serviceName, String from, String to, int firstNumber,
            int lastNumber, int slips, String reservedBy, Instant reservedAt) {

        static BookView of(PaperBook book, ServicePoint service) {
            return new BookView(book.id, service.code, service.nameEn, PaperNumber.format(service.tokenPrefix, book.firstNumber),
                    PaperNumber.format(service.tokenPrefix, book.lastNumber), book.firstNumber, book.lastNumber, book.slips(),
                    book.reservedBy, book.reservedAt);
        }
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final EntityManager em;

    public PaperBooks(Facility facility, HospitalClock clock, EntityManager em) {
        this.facility = facility;
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public BookView reserve(String serviceCode, Integer slips, String actor) {
        if (slips == null || slips < 1 || slips > LARGEST_BOOK) {
            throw ProblemException.invalid("slips", "must be between 1 and " + LARGEST_BOOK);
        }
        ServicePoint service = ServicePoint.findByCode(facility.code(), serviceCode == null ? "" : serviceCode.strip().toUpperCase())
                .filter(s -> s.active)
                .orElseThrow(() -> ProblemException.invalid("serviceCode", "no active service has the code '" + serviceCode + "'"));
        int last = advance(service.id, slips);
        if (last > LARGEST_NUMBER) {
            throw ProblemException.illegal(service.code + " has used up its paper numbers");
        }
        PaperBook book = new PaperBook();
        book.facility = facility.code();
        book.serviceId = service.id;
        book.firstNumber = last - slips + 1;
        book.lastNumber = last;
        book.reservedBy = actor;
        book.reservedAt = clock.now();
        book.persist();
        return BookView.of(book, service);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BookView view(PaperBook book) {
        return BookView.of(book, ServicePoint.findById(book.serviceId));
    }

    /** Moves the service's paper counter on by {@code slips} under its row lock; returns the new last number. */
    private int advance(long serviceId, int slips) {
        if (bump(serviceId, slips) == 0) {
            // the service's first book: make its row in a short transaction of its own, as token numbering does
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT IGNORE INTO paper_number_sequence (facility, service_id, last_number) VALUES (?1, ?2, 0)""")
                    .setParameter(1, facility.code()).setParameter(2, serviceId).executeUpdate());
            if (bump(serviceId, slips) == 0) {
                throw new IllegalStateException("paper number row missing for service " + serviceId);
            }
        }
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).intValue();
    }

    private int bump(long serviceId, int slips) {
        return em.createNativeQuery("""
                UPDATE paper_number_sequence SET last_number = LAST_INSERT_ID(last_number + ?3)
                WHERE facility = ?1 AND service_id = ?2""")
                .setParameter(1, facility.code()).setParameter(2, serviceId).setParameter(3, slips).executeUpdate();
    }
}
