package org.opdqueue.setup;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.admin.ServiceForm;
import org.opdqueue.common.Facility;
import org.opdqueue.counter.Counter;
import org.opdqueue.device.Device;
import org.opdqueue.display.Board;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.StaffUser;

/** Reads the hospital's set-up into a {@link SetupDocument}: what an admin set, never runtime state or secrets. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SetupExport {

    private final Facility facility;

    public SetupExport(Facility facility) {
        this.facility = facility;
    }

    public SetupDocument export() {
        String f = facility.code();
        Map<Long, String> serviceCodes = codes(ServicePoint.<ServicePoint>list("facility", f), s -> s.id, s -> s.code);
        Map<Long, String> counterCodes = codes(Counter.listFor(f), c -> c.id, c -> c.code);
        return new SetupDocument(SetupDocument.FORMAT, f,
                PriorityCategory.listFor(f).stream().map(SetupExport::category).toList(),
                ServicePoint.<ServicePoint>list("facility = ?1 order by code", f).stream().map(SetupExport::service).toList(),
                Counter.<Counter>list("facility = ?1 order by code", f).stream()
                        .map(c -> new SetupDocument.Counter(c.code, c.name, sorted(c.serviceIds(), serviceCodes), c.nameHi)).toList(),
                Board.<Board>list("facility = ?1 order by code", f).stream()
                        .map(b -> new SetupDocument.Board(b.code, b.name, b.nameHi, b.ticker, b.active,
                                sorted(b.serviceIds(), serviceCodes), sorted(b.counterIds(), counterCodes))).toList(),
                Device.listFor(f).stream()
                        .map(d -> new SetupDocument.Device(d.code, d.name, d.kind.name(), d.active, d.numberSeries,
                                d.secretHash)).toList(),
                StaffUser.<StaffUser>list("facility = ?1 order by username", f).stream()
                        .map(u -> new SetupDocument.Staff(u.username, u.fullName, u.role.name(), u.active)).toList());
    }

    static SetupDocument.Category category(PriorityCategory c) {
        return new SetupDocument.Category(c.code, c.nameEn, c.nameHi, c.priority, c.sortOrder, c.icon, c.active);
    }

    /** As the admin form shows it, so that a file read back changes nothing. */
    static SetupDocument.Service service(ServicePoint s) {
        ServiceForm f = ServiceForm.of(s);
        return new SetupDocument.Service(f.code, f.nameEn, f.nameHi, f.prefix, f.roomHint, f.opensAt, f.closesAt,
                s.priorityInterleave, Integer.valueOf(f.serviceMinutes), s.active, s.roomHintHi, s.displayOrder,
                s.pictogram);
    }

    private static <T> Map<Long, String> codes(List<T> rows, Function<T, Long> id, Function<T, String> code) {
        return rows.stream().collect(Collectors.toMap(id, code));
    }

    private static List<String> sorted(List<Long> ids, Map<Long, String> codes) {
        return ids.stream().map(codes::get).sorted(Comparator.naturalOrder()).toList();
    }
}
