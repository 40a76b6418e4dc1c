package org.opdqueue.offline;

import java.time.LocalDate;

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
        if (count < 1 || count > 200) {
            throw ProblemException.invalid("count", "must be between 1 and 200");
        }
        ServicePoint service = ServicePoint.activeByCode(facility.code(), serviceCode);
        em.find(Device.class, kiosk.id, LockModeType.PESSIMISTIC_WRITE); // one grant at a time per kiosk
        LocalDate day = clock.businessDay();
        Number last = (Number) em.createNativeQuery("""
                SELECT COALESCE(MAX(last_number), 0) FROM offline_reserve
                WHERE facility = ?1 AND business_day = ?2 AND service_id = ?3 AND number_series = ?4""")
                .setParameter(1, facility.code()).setParameter(2, day).setParameter(3, service.id)
                .setParameter(4, kiosk.numberSeries).getSingleResult();
        int from = last.intValue() + 1;
        int to = Math.min(LARGEST, last.intValue() + count);
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
}
