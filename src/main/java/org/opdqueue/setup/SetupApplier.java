package org.opdqueue.setup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opdqueue.admin.BoardForm;
import org.opdqueue.admin.CounterForm;
import org.opdqueue.admin.DeviceForm;
import org.opdqueue.admin.ServiceForm;
import org.opdqueue.admin.StaffForm;
import org.opdqueue.counter.Counter;
import org.opdqueue.counter.CounterService;
import org.opdqueue.counter.CounterState;
import org.opdqueue.device.Device;
import org.opdqueue.device.DeviceKind;
import org.opdqueue.display.Board;
import org.opdqueue.display.BoardCounter;
import org.opdqueue.display.BoardService;
import org.opdqueue.offline.DeviceCredentials;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.StaffUser;
import org.opdqueue.web.FieldErrors;

/**
 * Applies each entry of a set-up file in the caller's transaction, through the admin form of its kind, so that a
 * file is held to exactly the rules a person typing into the admin pages is held to. Dependencies first: services
 * before the counters that call from them, counters before the boards that show them. What it changes is listed;
 * an entry whose fields are already so changes nothing.
 */
final class SetupApplier {

    /**
     * The password hash of staff created from a file: no password ever matches it (it is no bcrypt hash), so they
     * cannot log in until an admin sets a password on /admin/staff.
     */
    static final String NO_PASSWORD = "!none: set a password on /admin/staff";

    private final String facility;
    private final String actor;
    private final Instant now;
    private final SetupErrors errors;
    /** Entries the whole-file checks found at fault: checked by their form like the others, but never applied. */
    private final Set<String> blocked;
    private final ObjectMapper json;
    private final List<SetupChange> changes = new ArrayList<>();
    private final List<String> needsPassword = new ArrayList<>();

    SetupApplier(String facility, String actor, Instant now, SetupErrors errors, Set<String> blocked,
            ObjectMapper json) {
        this.facility = facility;
        this.actor = actor;
        this.now = now;
        this.errors = errors;
        this.blocked = blocked;
        this.json = json;
    }

    /** Codes are compared as the forms store them: trimmed, upper case. Null when there is none. */
    static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase();
    }

    static String username(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase();
    }

    List<SetupChange> changes() {
        return changes;
    }

    List<String> needsPassword() {
        return needsPassword;
    }

    void apply(SetupDocument doc) {
        each("categories", doc.categoriesOrNone(), this::category);
        each("services", doc.servicesOrNone(), this::service);
        each("counters", doc.countersOrNone(), this::counter);
        each("boards", doc.boardsOrNone(), this::board);
        each("devices", doc.devicesOrNone(), this::device);
        each("staff", doc.staffOrNone(), this::staff);
    }

    private interface Entry<T> {
        void apply(String path, T entry);
    }

    private <T> void each(String section, List<T> entries, Entry<T> apply) {
        for (int i = 0; i < entries.size(); i++) {
            String path = section + "[" + i + "]";
            if (entries.get(i) == null) {
                errors.add(path, "Must be an object, not null.");
            } else {
                apply.apply(path, entries.get(i));
            }
        }
    }

    private void category(String path, SetupDocument.Category d) {
        PriorityCategory c = code(d.code()) == null ? null
                : PriorityCategory.findByCode(facility, code(d.code())).orElse(null);
        boolean isNew = c == null;
        if (!isNew && alreadySo(d, SetupExport.category(c))) {
            return;
        }
        Map<String, Object> before = isNew ? null : fields(c);
        if (isNew || blocked.contains(path)) {
            c = scratch(c);
        }
        FieldErrors found = CategoryRules.applyTo(c, isNew, d);
        errors.addAll(path, found);
        if (!found.isEmpty() || blocked.contains(path)) {
            return;
        }
        if (isNew) {
            c.facility = facility;
            c.persist();
        }
        record("category", c.code, before, fields(c));
    }

    private void service(String path, SetupDocument.Service d) {
        ServicePoint s = code(d.code()) == null ? null : ServicePoint.findByCode(facility, code(d.code())).orElse(null);
        boolean isNew = s == null;
        if (!isNew && alreadySo(d, SetupExport.service(s))) {
            return;
        }
        ServiceForm form = isNew ? ServiceForm.blank() : ServiceForm.of(s);
        form.code = d.code();
        form.nameEn = or(d.nameEn(), form.nameEn);
        form.nameHi = or(d.nameHi(), form.nameHi);
        form.prefix = or(d.prefix(), form.prefix);
        form.roomHint = or(d.roomHint(), form.roomHint);
        form.opensAt = or(d.opensAt(), form.opensAt);
        form.closesAt = or(d.closesAt(), form.closesAt);
        form.interleave = d.interleave() == null ? form.interleave : d.interleave().toString();
        form.serviceMinutes = d.serviceMinutes() == null ? form.serviceMinutes : d.serviceMinutes().toString();
        form.active = checkbox(d.active(), form.active);
        Map<String, Object> before = isNew ? null : fields(s);
        if (isNew || blocked.contains(path)) {
            ServicePoint scratch = new ServicePoint();
            scratch.code = isNew ? null : s.code;
            s = scratch;
        }
        FieldErrors found = form.applyTo(s, isNew);
        errors.addAll(path, found);
        if (!found.isEmpty() || blocked.contains(path)) {
            return;
        }
        if (isNew) {
            s.facility = facility;
            s.persistWithQueue();
        }
        record("service", s.code, before, fields(s));
    }

    private void counter(String path, SetupDocument.Counter d) {
        Counter c = code(d.code()) == null ? null
                : Counter.<Counter>find("facility = ?1 and code = ?2", facility, code(d.code())).firstResult();
        boolean isNew = c == null;
        List<String> current = isNew ? List.of() : codesOf(CounterService.serviceIdsOf(c.id), serviceCodes());
        if (!isNew && alreadySo(d, new SetupDocument.Counter(c.code, c.name, current))) {
            return;
        }
        CounterForm form = isNew ? new CounterForm() : CounterForm.of(c, current);
        form.code = d.code();
        form.name = or(d.name(), form.name);
        form.services = d.services() == null ? form.services : existing(path + ".services", d.services(), serviceCodes());
        Map<String, Object> before = isNew ? null : ordered("name", c.name, "services", current);
        if (isNew || blocked.contains(path)) {
            Counter scratch = new Counter();
            scratch.code = isNew ? null : c.code;
            c = scratch;
        }
        List<ServicePoint> chosen = new ArrayList<>();
        FieldErrors found = form.applyTo(c, isNew, facility, chosen);
        errors.addAll(path, found);
        if (!found.isEmpty() || blocked.contains(path)) {
            return;
        }
        List<String> wanted = chosen.stream().map(s -> s.code).sorted().distinct().toList();
        if (isNew) {
            c.facility = facility;
            c.state = CounterState.CLOSED;
            c.persist();
        } else if (!wanted.equals(current)) {
            CounterService.delete("counterId", c.id);
        }
        if (isNew || !wanted.equals(current)) {
            Long id = c.id;
            chosen.stream().map(s -> s.id).distinct().forEach(sid -> CounterService.of(facility, id, sid).persist());
        }
        record("counter", c.code, before, ordered("name", c.name, "services", wanted));
    }

    private void board(String path, SetupDocument.Board d) {
        Board b = code(d.code()) == null ? null
                : Board.<Board>find("facility = ?1 and code = ?2", facility, code(d.code())).firstResult();
        boolean isNew = b == null;
        List<String> services = isNew ? List.of() : codesOf(b.serviceIds(), serviceCodes());
        List<String> counters = isNew ? List.of() : codesOf(b.counterIds(), counterCodes());
        if (!isNew && alreadySo(d, new SetupDocument.Board(b.code, b.name, b.nameHi, b.ticker, b.active, services, counters))) {
            return;
        }
        BoardForm form = isNew ? BoardForm.blank() : BoardForm.of(b, services, counters);
        form.code = d.code();
        form.name = or(d.name(), form.name);
        form.nameHi = or(d.nameHi(), form.nameHi);
        form.ticker = or(d.ticker(), form.ticker);
        form.active = checkbox(d.active(), form.active);
        form.services = d.services() == null ? form.services : existing(path + ".services", d.services(), serviceCodes());
        form.counters = d.counters() == null ? form.counters : existing(path + ".counters", d.counters(), counterCodes());
        Map<String, Object> before = isNew ? null : boardFields(b, services, counters);
        if (isNew || blocked.contains(path)) {
            Board scratch = new Board();
            scratch.code = isNew ? null : b.code;
            b = scratch;
        }
        BoardForm.Shows shows = new BoardForm.Shows(new ArrayList<>(), new ArrayList<>());
        FieldErrors found = form.applyTo(b, isNew, facility, shows);
        errors.addAll(path, found);
        if (!found.isEmpty() || blocked.contains(path)) {
            return;
        }
        List<String> wantedServices = shows.services().stream().map(s -> s.code).sorted().distinct().toList();
        List<String> wantedCounters = shows.counters().stream().map(c -> c.code).sorted().distinct().toList();
        boolean relink = !wantedServices.equals(services) || !wantedCounters.equals(counters);
        if (isNew) {
            b.facility = facility;
            b.persist();
        } else if (relink) {
            BoardService.delete("boardId", b.id);
            BoardCounter.delete("boardId", b.id);
        }
        if (isNew || relink) {
            Long id = b.id;
            shows.services().stream().map(s -> s.id).distinct().forEach(sid -> BoardService.of(facility, id, sid).persist());
            shows.counters().stream().map(c -> c.id).distinct().forEach(cid -> BoardCounter.of(facility, id, cid).persist());
        }
        record("board", b.code, before, boardFields(b, wantedServices, wantedCounters));
    }

    private void device(String path, SetupDocument.Device d) {
        Device device = code(d.code()) == null ? null : Device.findByCode(facility, code(d.code())).orElse(null);
        boolean isNew = device == null;
        if (!isNew && alreadySo(d, new SetupDocument.Device(device.code, device.name, device.kind.name(), device.active,
                device.numberSeries))) {
            return;
        }
        DeviceForm form = isNew ? DeviceForm.blank() : DeviceForm.of(device);
        form.code = d.code();
        form.name = or(d.name(), form.name);
        form.kind = d.kind() == null ? form.kind : d.kind().strip().toUpperCase();
        form.active = checkbox(d.active(), form.active);
        Map<String, Object> before = isNew ? null : fields(device);
        if (isNew || blocked.contains(path)) {
            Device scratch = new Device();
            scratch.code = isNew ? null : device.code;
            scratch.numberSeries = isNew ? null : device.numberSeries;
            device = scratch;
        }
        FieldErrors found = form.applyTo(device, isNew);
        String series = code(d.numberSeries());
        if (series != null && found.isEmpty()) {
            checkSeries(device, series, found);
        }
        errors.addAll(path, found);
        if (!found.isEmpty() || blocked.contains(path)) {
            return;
        }
        if (series != null) {
            device.numberSeries = series;
        }
        if (isNew) {
            device.facility = facility;
            device.persist();
        }
        record("device", device.code, before, fields(device));
    }

    /** Given with a kiosk's first credential; a file may name it for a kiosk that has none yet, never change it. */
    private static void checkSeries(Device d, String series, FieldErrors found) {
        if (d.kind != DeviceKind.KIOSK) {
            found.add("numberSeries", "Only a kiosk has a number series.");
        } else if (!DeviceCredentials.isKioskSeries(series)) {
            found.add("numberSeries", "One or two capital letters, not I or O, and not P (the paper books' series).");
        } else if (d.numberSeries != null && !d.numberSeries.equals(series)) {
            found.add("numberSeries", "This kiosk issues offline numbers in series " + d.numberSeries
                    + " already; a kiosk's series never changes.");
        }
    }

    private void staff(String path, SetupDocument.Staff d) {
        String name = username(d.username());
        StaffUser u = name == null ? null : StaffUser.findByUsername(facility, name).orElse(null);
        boolean isNew = u == null;
        if (!isNew && alreadySo(d, new SetupDocument.Staff(u.username, u.fullName, u.role.name(), u.active))) {
            if (NO_PASSWORD.equals(u.passwordHash)) {
                needsPassword.add(u.username);
            }
            return;
        }
        StaffForm form = isNew ? StaffForm.blank() : StaffForm.of(u);
        form.fullName = or(d.fullName(), form.fullName);
        form.role = d.role() == null ? form.role : d.role().strip().toUpperCase();
        form.active = checkbox(d.active(), form.active);
        Map<String, Object> before = isNew ? null : fields(u);
        FieldErrors found = FieldErrors.none();
        boolean self = !isNew && u.username.equals(actor);
        if (isNew || blocked.contains(path)) {
            StaffUser scratch = new StaffUser();
            scratch.username = isNew ? StaffForm.checkUsername(d.username(), found) : u.username;
            u = scratch;
        }
        // as an existing account, so no password is asked for: a file never carries one
        form.applyTo(u, false, self).all().forEach(found::add);
        errors.addAll(path, found);
        if (!found.isEmpty() || blocked.contains(path)) {
            return;
        }
        if (isNew) {
            u.facility = facility;
            u.passwordHash = NO_PASSWORD;
            u.createdAt = now;
            u.persist();
        }
        if (NO_PASSWORD.equals(u.passwordHash)) {
            needsPassword.add(u.username);
        }
        record("staff", u.username, before, fields(u));
    }

    /** A copy to check a category's fields against without touching the one in the database. */
    private static PriorityCategory scratch(PriorityCategory c) {
        PriorityCategory copy = new PriorityCategory();
        if (c != null) {
            copy.code = c.code;
            copy.nameEn = c.nameEn;
            copy.nameHi = c.nameHi;
            copy.priority = c.priority;
            copy.sortOrder = c.sortOrder;
            copy.icon = c.icon;
            copy.active = c.active;
        }
        return copy;
    }

    /**
     * Whether every field the file gives for an entry is what the entry has already. Such an entry is left as it is,
     * not even checked again: an export read back in changes nothing, also where older data would not pass today's
     * form (a board made before a rule existed).
     */
    private boolean alreadySo(Object given, Object current) {
        ObjectNode file = json.valueToTree(given);
        ObjectNode now = json.valueToTree(current);
        for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().equals(now.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private void record(String kind, String key, Map<String, Object> before, Map<String, Object> after) {
        if (before == null) {
            changes.add(SetupChange.create(kind, key));
            return;
        }
        List<String> changed = after.keySet().stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).toList();
        if (!changed.isEmpty()) {
            changes.add(SetupChange.update(kind, key, changed));
        }
    }

    // What the file can set of each kind, under the file's field names, to tell which of them an entry changes.

    private static Map<String, Object> fields(PriorityCategory c) {
        return ordered("nameEn", c.nameEn, "nameHi", c.nameHi, "priority", c.priority, "order", c.sortOrder,
                "icon", c.icon, "active", c.active);
    }

    private static Map<String, Object> fields(ServicePoint s) {
        return ordered("nameEn", s.nameEn, "nameHi", s.nameHi, "prefix", s.tokenPrefix, "roomHint", s.roomHint,
                "opensAt", s.opensAt, "closesAt", s.closesAt, "interleave", s.priorityInterleave,
                "serviceMinutes", s.defaultServiceSeconds, "active", s.active);
    }

    private static Map<String, Object> boardFields(Board b, List<String> services, List<String> counters) {
        return ordered("name", b.name, "nameHi", b.nameHi, "ticker", b.ticker, "active", b.active,
                "services", services, "counters", counters);
    }

    private static Map<String, Object> fields(Device d) {
        return ordered("name", d.name, "kind", d.kind, "active", d.active, "numberSeries", d.numberSeries);
    }

    private static Map<String, Object> fields(StaffUser u) {
        return ordered("fullName", u.fullName, "role", u.role, "active", u.active);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    private static String checkbox(Boolean given, String current) {
        return given == null ? current : given ? "on" : null;
    }

    private Map<Long, String> serviceCodes() {
        return ServicePoint.<ServicePoint>list("facility", facility).stream().collect(Collectors.toMap(s -> s.id, s -> s.code));
    }

    private Map<Long, String> counterCodes() {
        return Counter.listFor(facility).stream().collect(Collectors.toMap(c -> c.id, c -> c.code));
    }

    private static List<String> codesOf(List<Long> ids, Map<Long, String> codes) {
        return ids.stream().map(codes::get).sorted().toList();
    }

    /**
     * The codes that name an entry in the database now. A code that does not was reported already when it is unknown
     * everywhere ({@link SetupChecks}); otherwise its own entry in this file has faults, and this says so.
     */
    private List<String> existing(String listPath, List<String> given, Map<Long, String> codes) {
        for (int j = 0; j < given.size(); j++) {
            String code = code(given.get(j));
            if (!codes.containsValue(code) && !errors.has(listPath + "[" + j + "]")) {
                errors.add(listPath + "[" + j + "]", code + " is not set up: its own entry in this file has faults.");
            }
        }
        return given.stream().map(SetupApplier::code).filter(codes::containsValue).toList();
    }
}
