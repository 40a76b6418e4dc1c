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

import org.opdqueue.counter.Counter;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.web.FieldErrors;

/**
 * One import of a set-up file as the entries of each kind see it: who imports it, the faults found so far, the
 * entries the whole-file checks blocked, and the changes made. Each kind's import asks it the same questions: is
 * this entry already so, may it be written, what did it change.
 */
final class ImportRun {

    final Map<String, String> passwordHashes;

    final String facility;
    final String actor;
    final Instant now;
    private final SetupErrors errors;
    /** Entries the whole-file checks found at fault: checked by their form like the others, but never applied. */
    private final Set<String> blocked;
    private final ObjectMapper json;
    private final List<SetupChange> changes = new ArrayList<>();

    ImportRun(String facility, String actor, Instant now, SetupErrors errors, Set<String> blocked, ObjectMapper json) {
        this(facility, actor, now, errors, blocked, json, Map.of());
    }

    /** @param passwordHashes staff created by this run get these (a restore's); others get none */
    ImportRun(String facility, String actor, Instant now, SetupErrors errors, Set<String> blocked, ObjectMapper json,
            Map<String, String> passwordHashes) {
        this.passwordHashes = passwordHashes;
        this.facility = facility;
        this.actor = actor;
        this.now = now;
        this.errors = errors;
        this.blocked = blocked;
        this.json = json;
    }

    List<SetupChange> changes() {
        return changes;
    }

    void fault(String path, String message) {
        errors.add(path, message);
    }

    /**
     * Whether every field the file gives for an entry is what the entry has already. Such an entry is left as it is,
     * not even checked again: an export read back in changes nothing, also where older data would not pass today's
     * form (a board made before a rule existed).
     */
    boolean alreadySo(Object given, Object current) {
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

    /**
     * Whether the form checks a fresh object rather than the one in the database: a new entry (persisted if it
     * passes), or one the whole-file checks blocked (never written, so the database's copy must not be touched).
     */
    boolean checksAFreshOne(String path, boolean isNew) {
        return isNew || blocked.contains(path);
    }

    /** Reports the form's faults at the entry's path; true when the entry may be written. */
    boolean accepted(String path, FieldErrors found) {
        errors.addAll(path, found);
        return found.isEmpty() && !blocked.contains(path);
    }

    /** @param before the entry's fields before, null for a new entry */
    void record(String kind, String key, Map<String, Object> before, Map<String, Object> after) {
        if (before == null) {
            changes.add(SetupChange.create(kind, key));
            return;
        }
        List<String> changed = after.keySet().stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).toList();
        if (!changed.isEmpty()) {
            changes.add(SetupChange.update(kind, key, changed));
        }
    }

    Map<Long, String> serviceCodes() {
        return ServicePoint.<ServicePoint>list("facility", facility).stream().collect(Collectors.toMap(s -> s.id, s -> s.code));
    }

    Map<Long, String> counterCodes() {
        return Counter.listFor(facility).stream().collect(Collectors.toMap(c -> c.id, c -> c.code));
    }

    static List<String> codesOf(List<Long> ids, Map<Long, String> codes) {
        return ids.stream().map(codes::get).sorted().toList();
    }

    /**
     * The codes that name an entry in the database now. A code that does not was reported already when it is unknown
     * everywhere ({@link SetupChecks}); otherwise its own entry in this file has faults, and this says so.
     */
    List<String> existing(String listPath, List<String> given, Map<Long, String> codes) {
        for (int j = 0; j < given.size(); j++) {
            String code = SetupApplier.code(given.get(j));
            if (!codes.containsValue(code) && !errors.has(listPath + "[" + j + "]")) {
                errors.add(listPath + "[" + j + "]", code + " is not set up: its own entry in this file has faults.");
            }
        }
        return given.stream().map(SetupApplier::code).filter(codes::containsValue).toList();
    }

    /** What the file can set of an entry, under the file's field names, to tell which of them an import changes. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A form field as the file sets it: left out (null), it keeps what the form has. */
    static String or(String given, String current) {
        return given == null ? current : given;
    }

    static String checkbox(Boolean given, String current) {
        return given == null ? current : given ? "on" : null;
    }
}
