package org.opdqueue.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;

/**
 * The offline slips the merge refused, kept for staff: recorded once per request (a kiosk that sends the same
 * outbox again adds nothing), listed until someone acknowledges them.
 */
@ApplicationScoped
public class OfflineRefusals {

    /** One refused slip as staff see it; {@code issuedAt} is the kiosk's clock, the time printed on the slip. */
    public record Refused(long id, String number, String serviceCode, String priority, String kiosk, String reason,
            Instant issuedAt, Instant receivedAt) {

        static Refused of(OfflineRefusal r) {
            return new Refused(r.id, r.offlineNumber, r.serviceCode, r.priority, r.deviceCode, r.reason, r.issuedAt,
                    r.receivedAt);
        }
    }

    private static final int REASON_LENGTH = 500;

    /** Slip times further than this from the server's clock are not stored as they came. */
    private static final Duration PLAUSIBLE = Duration.ofDays(366);

    private final Facility facility;
    private final HospitalClock clock;
    private final EntityManager em;

    public OfflineRefusals(Facility facility, HospitalClock clock, EntityManager em) {
        this.facility = facility;
        this.clock = clock;
        this.em = em;
    }

    /**
     * Records a refusal in the caller's transaction; true when it is new. The unique key on the request decides,
     * so two syncs of the same outbox at once still leave one row. INSERT IGNORE rather than ON DUPLICATE KEY: the
     * driver counts a duplicate as one "found" row there, and only a new row is worth a line in the log. (What IGNORE
     * would also let through, a value too long, cannot come: the batch is validated, and the reason is cut here.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean record(String kioskCode, OfflineToken item, String reason, Instant receivedAt) {
        String text = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH - 1) + "…" : reason;
        return em.createNativeQuery("""
                INSERT IGNORE INTO offline_refusal (facility, device_code, request_id, service_code, offline_number, priority,
                    reason, issued_at, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, facility.code()).setParameter(2, kioskCode)
                .setParameter(3, item.requestId().toString()).setParameter(4, item.serviceCode().strip().toUpperCase())
                .setParameter(5, item.offlineNumber().strip().toUpperCase()).setParameter(6, item.priority())
                .setParameter(7, text).setParameter(8, shown(item.issuedAt(), receivedAt)).setParameter(9, receivedAt)
                .executeUpdate() == 1;
    }

    /**
     * The time printed on the slip, if it is one the column can hold and staff can read back; a kiosk clock years
     * off (or a forged item) shows the time the server received it, and the reason says what was sent.
     */
    private static Instant shown(Instant issuedAt, Instant receivedAt) {
        boolean plausible = issuedAt.isAfter(receivedAt.minus(PLAUSIBLE)) && issuedAt.isBefore(receivedAt.plus(PLAUSIBLE));
        return plausible ? issuedAt : receivedAt;
    }

    /** Not yet acknowledged, oldest slip first; no service codes means every service. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Refused> open(Collection<String> serviceCodes) {
        return OfflineRefusal.open(facility.code(), serviceCodes).stream().map(Refused::of).toList();
    }

    /** Marks one as dealt with; acknowledging twice keeps the first who did it. Empty when there is no such refusal. */
    @Transactional
    public Optional<Refused> acknowledge(long id, String staff) {
        Optional<OfflineRefusal> found = OfflineRefusal.<OfflineRefusal>findByIdOptional(id)
                .filter(r -> facility.code().equals(r.facility));
        found.filter(r -> r.acknowledgedAt == null).ifPresent(r -> {
            r.acknowledgedBy = staff;
            r.acknowledgedAt = clock.now();
        });
        return found.map(Refused::of);
    }
}
