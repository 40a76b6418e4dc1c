package org.opdqueue.offline;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.device.Device;
import org.opdqueue.servicepoint.ServicePoint;

/** Grants kiosks blocks of numbers in their own series, to issue from while the server cannot be reached. */
@ApplicationScoped
public class OfflineNumbers {

    /** Numbers in one series for one service and day; kept to three digits so they stay short to say aloud. */
    static final int LARGEST = 999;

    /** The most a kiosk is granted at once: after a promotion, the numbers skipped in every kiosk's series. */
    public static final int LARGEST_GRANT = 200;

    public record Block(String serviceCode, String prefix, String series, LocalDate businessDay, int from, int to) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final EntityManager em;

    public OfflineNumbers(Facility facility, HospitalClock clock, EntityManager em) {
        this.facility = facility;
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public Block reserve(Device kiosk, String serviceCode, int count) {
        if (count < 1 || count > LARGEST_GRANT) {
            throw ProblemException.invalid("count", "must be between 1 and " + LARGEST_GRANT);
        }
        ServicePoint service = ServicePoint.activeByCode(facility.code(), serviceCode);
        em.find(Device.class, kiosk.id, LockModeType.PESSIMISTIC_WRITE); // one grant at a time per kiosk
        LocalDate day = clock.businessDay();
        Number last = (Number) em.createNativeQuery("""
                SELECT COALESCE(MAX(last_number), 0) FROM offline_reserve
                WHERE facility = ?1 AND business_day = ?2 AND service_id = ?3 AND number_series = ?4""")
                .setParameter(1, facility.code()).setParameter(2, day).setParameter(3, service.id)
                .setParameter(4, kiosk.numberSeries).getSingleResult();
        int skipped = skippedSincePromotion(day, service.id, kiosk.numberSeries);
        int from = last.intValue() + skipped + 1;
        int to = Math.min(LARGEST, last.intValue() + skipped + count);
        if (from > LARGEST) {
            throw ProblemException.illegal("Kiosk " + kiosk.code + " has used all " + LARGEST + " offline numbers of "
                    + service.code + " today");
        }
        OfflineReserve block = new OfflineReserve();
        block.facility = facility.code();
        block.deviceId = kiosk.id;
        block.serviceId = service.id;
        block.businessDay = day;
        block.numberSeries = kiosk.numberSeries;
        block.firstNumber = from;
        block.lastNumber = to;
        block.grantedAt = clock.now();
        block.persist();
        return new Block(service.code, service.tokenPrefix, kiosk.numberSeries, day, from, to);
    }

    /**
     * After the replica was promoted today ({@code failover/ServerChange}): the old primary may have granted this kiosk
     * a block in its last moments that never reached the replica, so the first block granted since starts past it.
     */
    private int skippedSincePromotion(LocalDate day, Long serviceId, String series) {
        List<?> skips = em.createNativeQuery("""
                SELECT k.numbers FROM offline_series_skip k WHERE k.facility = ?1 AND k.business_day = ?2
                AND NOT EXISTS (SELECT 1 FROM offline_reserve r WHERE r.facility = k.facility
                    AND r.business_day = k.business_day AND r.service_id = ?3 AND r.number_series = ?4
                    AND r.granted_at >= k.skipped_at)""").setParameter(1, facility.code()).setParameter(2, day)
                .setParameter(3, serviceId).setParameter(4, series).getResultList();
        return skips.isEmpty() ? 0 : ((Number) skips.get(0)).intValue();
    }
}
