package org.opdqueue.demo;

import java.time.LocalTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.counter.Counter;
import org.opdqueue.device.Device;
import org.opdqueue.device.DeviceKind;
import org.opdqueue.display.Board;
import org.opdqueue.display.BoardCounter;
import org.opdqueue.display.BoardService;
import org.opdqueue.counter.CounterService;
import org.opdqueue.counter.CounterState;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.servicepoint.StandardCategories;
import org.opdqueue.staff.Passwords;
import org.opdqueue.staff.Role;
import org.opdqueue.staff.StaffUser;

/** Seeds a demo district hospital into an empty database when {@code opd.demo.seed} is on. */
@ApplicationScoped
public class DemoHospital {

    private static final Logger LOG = Logger.getLogger(DemoHospital.class);

    record Department(String code, String prefix, String en, String hi, String room, int interleave, int seconds,
            String roomHi, String pictogram) {
    }

    record Room(String code, String name, List<String> services, String nameHi) {
    }

    /** Demo log-ins, listed in the README. Never seeded outside the demo and test profiles. */
    record Person(String username, String fullName, Role role, String password) {
    }

    static final List<Person> STAFF = List.of(
            new Person("admin", "Hospital administrator", Role.ADMIN, "admin123"),
            new Person("registrar", "Registration clerk", Role.REGISTRAR, "registrar123"),
            new Person("counter1", "Room 1 assistant", Role.COUNTER, "counter123"),
            new Person("counter2", "Room 2 assistant", Role.COUNTER, "counter123"));

    static final List<Department> DEPARTMENTS = List.of(
            new Department("MED", "MED", "General Medicine", "सामान्य चिकित्सा", "Rooms 1–3, ground floor", 2, 300,
                    "कमरा 1–3, भूतल", "GENERAL_MEDICINE"),
            new Department("ORTH", "ORT", "Orthopaedics", "हड्डी रोग", "Rooms 4–5, ground floor", 2, 420,
                    "कमरा 4–5, भूतल", "ORTHOPAEDICS"),
            new Department("ENT", "ENT", "ENT (Ear, Nose, Throat)", "नाक, कान, गला", "Room 6, first floor", 2, 360,
                    "कमरा 6, पहली मंज़िल", "ENT"),
            new Department("PAED", "PED", "Paediatrics", "शिशु रोग", "Rooms 7–8, first floor", 2, 300,
                    "कमरा 7–8, पहली मंज़िल", "PAEDIATRICS"),
            new Department("GYN", "GYN", "Gynaecology", "स्त्री रोग", "Rooms 9–10, first floor", 3, 480,
                    "कमरा 9–10, पहली मंज़िल", "GYNAECOLOGY"),
            new Department("LAB", "LAB", "Sample Collection", "नमूना संग्रह", "Counters 11–12, near the lab", 2, 120,
                    "काउंटर 11–12, लैब के पास", "LAB"));

    static final List<Room> ROOMS = List.of(
            new Room("R01", "Room 1", List.of("MED"), "कमरा 1"),
            new Room("R02", "Room 2", List.of("MED"), "कमरा 2"),
            new Room("R03", "Room 3", List.of("MED"), "कमरा 3"),
            new Room("R04", "Room 4", List.of("ORTH"), "कमरा 4"),
            new Room("R05", "Room 5", List.of("ORTH"), "कमरा 5"),
            new Room("R06", "Room 6", List.of("ENT"), "कमरा 6"),
            new Room("R07", "Room 7", List.of("PAED"), "कमरा 7"),
            new Room("R08", "Room 8", List.of("PAED"), "कमरा 8"),
            new Room("R09", "Room 9", List.of("GYN"), "कमरा 9"),
            new Room("R10", "Room 10", List.of("GYN"), "कमरा 10"),
            new Room("C11", "Counter 11", List.of("LAB"), "काउंटर 11"),
            new Room("C12", "Counter 12", List.of("LAB", "MED"), "काउंटर 12"));

    private final Facility facility;
    private final boolean seed;
    private final Passwords passwords;
    private final HospitalClock clock;
    private final StandardCategories categories;

    public DemoHospital(Facility facility, OpdConfig config, Passwords passwords, HospitalClock clock,
            StandardCategories categories) {
        this.facility = facility;
        this.seed = config.demo().seed();
        this.passwords = passwords;
        this.clock = clock;
        this.categories = categories;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (!seed) {
            return;
        }
        // Separate checks, so a demo database made before staff existed gets its users and devices too.
        if (StaffUser.count("facility", facility.code()) == 0) {
            seedStaffAndDevices();
        }
        if (ServicePoint.count("facility", facility.code()) > 0) {
            return;
        }
        categories.createIfNone(facility.code()); // the standard ones, as in production (already there, normally)
        for (Department d : DEPARTMENTS) {
            ServicePoint s = new ServicePoint();
            s.facility = facility.code();
            s.code = d.code();
            s.tokenPrefix = d.prefix();
            s.nameEn = d.en();
            s.nameHi = d.hi();
            s.roomHint = d.room();
            s.roomHintHi = d.roomHi();
            s.displayOrder = DEPARTMENTS.indexOf(d) * 10;
            s.pictogram = d.pictogram();
            s.opensAt = LocalTime.of(8, 0);
            s.closesAt = LocalTime.of(14, 0);
            s.priorityInterleave = d.interleave();
            s.defaultServiceSeconds = d.seconds();
            s.active = true;
            s.persistWithQueue();
        }
        for (Room r : ROOMS) {
            Counter c = new Counter();
            c.facility = facility.code();
            c.code = r.code();
            c.name = r.name();
            c.nameHi = r.nameHi();
            c.state = CounterState.OPEN;
            c.persist();
            for (String code : r.services()) {
                CounterService.of(facility.code(), c.id, ServicePoint.findByCode(facility.code(), code).orElseThrow().id)
                        .persist();
            }
        }
        board("HALLA", "OPD waiting hall A (ground floor)", "ओपीडी प्रतीक्षा कक्ष A (भूतल)",
                List.of("MED", "ORTH", "LAB"), List.of("R01", "R02", "R03", "R04", "R05", "C11", "C12"));
        board("HALLB", "OPD waiting hall B (first floor)", "ओपीडी प्रतीक्षा कक्ष B (पहली मंज़िल)",
                List.of("ENT", "PAED", "GYN"), List.of("R06", "R07", "R08", "R09", "R10"));
        LOG.infof("Seeded the demo hospital %s: %d services, %d counters", facility.code(), DEPARTMENTS.size(), ROOMS.size());
    }

    private void board(String code, String name, String nameHi, List<String> services, List<String> counters) {
        Board board = new Board();
        board.facility = facility.code();
        board.code = code;
        board.name = name;
        board.nameHi = nameHi;
        board.ticker = "OPD registration 8 am – 2 pm. Senior citizens, Divyang and pregnant women are called first. "
                + "ओपीडी पंजीकरण सुबह 8 से दोपहर 2 बजे तक। वरिष्ठ नागरिक, दिव्यांगजन और गर्भवती महिलाएँ पहले बुलाई जाती हैं।";
        board.active = true;
        board.persist();
        services.forEach(s -> BoardService.of(facility.code(), board.id,
                ServicePoint.findByCode(facility.code(), s).orElseThrow().id).persist());
        counters.forEach(c -> BoardCounter.of(facility.code(), board.id,
                Counter.<Counter>find("facility = ?1 and code = ?2", facility.code(), c).firstResult().id).persist());
    }

    private void seedStaffAndDevices() {
        for (Person p : STAFF) {
            StaffUser u = new StaffUser();
            u.facility = facility.code();
            u.username = p.username();
            u.fullName = p.fullName();
            u.role = p.role();
            u.passwordHash = passwords.hash(p.password());
            u.active = true;
            u.createdAt = clock.now();
            u.persist();
        }
        device("KIOSK1", "Kiosk at the main entrance", DeviceKind.KIOSK);
        device("KIOSK2", "Kiosk in OPD hall B", DeviceKind.KIOSK);
        device("BOARDA", "Board PC, waiting hall A", DeviceKind.BOARD);
        device("BOARDB", "Board PC, waiting hall B", DeviceKind.BOARD);
        LOG.infof("Seeded %d demo staff log-ins (see the README) and 4 devices", STAFF.size());
    }

    private void device(String code, String name, DeviceKind kind) {
        Device d = new Device();
        d.facility = facility.code();
        d.code = code;
        d.name = name;
        d.kind = kind;
        d.active = true;
        d.persist();
    }
}
