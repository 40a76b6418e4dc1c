package org.opdqueue.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * A day's appointments per service: how many were booked, checked in (on time, or late and issued as walk-ins),
 * cancelled, and how many are no-shows: not checked in by the end of their late window. Appointments whose window is
 * still open are counted as still to come, not as no-shows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AppointmentReport {

    public record ServiceLine(String serviceCode, String serviceName, int booked, int checkedIn, int lateWalkIns,
            int cancelled, int noShows, int toCome) {
    }

    public record Day(LocalDate date, List<ServiceLine> services, int booked, int checkedIn, int lateWalkIns,
            int cancelled, int noShows, int toCome) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final CheckingIn checkingIn;

    public AppointmentReport(Facility facility, HospitalClock clock, CheckingIn checkingIn) {
        this.facility = facility;
        this.clock = clock;
        this.checkingIn = checkingIn;
    }

    public Day of(LocalDate date) {
        Instant now = clock.now();
        Map<Long, CheckInWindow> windows = new HashMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Appointment a : Appointment.ofDay(facility.code(), date)) {
            ServicePoint service = ServicePoint.findById(a.serviceId);
            names.put(service.code, service.nameEn);
            int[] c = counts.computeIfAbsent(service.code, code -> new int[6]);
            if (a.cancelled && !a.checkedIn()) {
                c[3]++;
                continue;
            }
            c[0]++;
            if (a.checkedIn()) {
                c[a.lateWalkIn ? 2 : 1]++;
            } else if (windows.computeIfAbsent(a.serviceId, checkingIn::windowOf).closesAt(a.slotStart).isBefore(now)) {
                c[4]++;
            } else {
                c[5]++;
            }
        }
        List<ServiceLine> lines = new ArrayList<>();
        int[] total = new int[6];
        counts.forEach((code, c) -> {
            lines.add(new ServiceLine(code, names.get(code), c[0], c[1], c[2], c[3], c[4], c[5]));
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        });
        return new Day(date, lines, total[0], total[1], total[2], total[3], total[4], total[5]);
    }
}
