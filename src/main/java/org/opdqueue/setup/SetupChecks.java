package org.opdqueue.setup;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.opdqueue.counter.Counter;
import org.opdqueue.device.Device;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * What only the whole file can tell: its format and hospital, an entry named twice, a prefix or kiosk series two
 * services or kiosks would share once the file is in, and references to services or counters that exist neither in
 * the file nor in the database. Each entry's own fields are checked by the admin forms' rules ({@link SetupApplier}).
 */
final class SetupChecks {

    private SetupChecks() {
    }

    /**
     * @return the paths of the entries found at fault here (named a second time, a prefix or series taken): their
     *         own fields are still checked, but they are never applied
     */
    static Set<String> check(SetupDocument doc, String facility, SetupErrors errors) {
        if (doc.format() == null || doc.format() != SetupDocument.FORMAT) {
            errors.add("format", "Must be " + SetupDocument.FORMAT + ": this server reads set-up files of format "
                    + SetupDocument.FORMAT + ".");
        }
        if (doc.facility() != null && !doc.facility().strip().equalsIgnoreCase(facility)) {
            errors.add("facility", "This file is the set-up of hospital " + doc.facility() + ", and this server is "
                    + facility + ". Change it to " + facility + " (or leave it out) to import the file here.");
        }
        Set<String> blocked = new HashSet<>();
        blocked.addAll(once("categories", doc.categoriesOrNone(), c -> SetupApplier.code(c.code()), errors));
        blocked.addAll(once("services", doc.servicesOrNone(), s -> SetupApplier.code(s.code()), errors));
        blocked.addAll(once("counters", doc.countersOrNone(), c -> SetupApplier.code(c.code()), errors));
        blocked.addAll(once("boards", doc.boardsOrNone(), b -> SetupApplier.code(b.code()), errors));
        blocked.addAll(once("devices", doc.devicesOrNone(), d -> SetupApplier.code(d.code()), errors));
        blocked.addAll(once("staff", doc.staffOrNone(), u -> SetupApplier.username(u.username()), errors));
        blocked.addAll(prefixesStayUnique(doc, facility, errors));
        blocked.addAll(seriesStayUnique(doc, facility, errors));
        references(doc, facility, errors);
        return blocked;
    }

    private static <T> Set<String> once(String section, List<T> entries, Function<T, String> key, SetupErrors errors) {
        Map<String, Integer> first = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String k = key.apply(entries.get(i));
            if (k == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(k, i);
            if (earlier != null) {
                String field = "staff".equals(section) ? "username" : "code";
                errors.add(section + "[" + i + "]." + field, k + " appears twice in the file (also " + section + "["
                        + earlier + "]).");
                repeated.add(section + "[" + i + "]");
            }
        }
        return repeated;
    }

    /** Token numbers must tell services apart: no two services may share a prefix once the file is in. */
    private static Set<String> prefixesStayUnique(SetupDocument doc, String facility, SetupErrors errors) {
        Map<String, String> prefixByService = new HashMap<>();
        ServicePoint.<ServicePoint>list("facility", facility).forEach(s -> prefixByService.put(s.code, s.tokenPrefix));
        return staysUnique("services", "prefix", doc.servicesOrNone(), SetupDocument.Service::code,
                SetupDocument.Service::prefix, prefixByService, prefixByService::put,
                (other, prefix) -> "Service " + other + " uses the prefix " + prefix + " too; each service needs its own.",
                errors);
    }

    /** A kiosk's offline numbers carry its series letter, so no two kiosks may share one. */
    private static Set<String> seriesStayUnique(SetupDocument doc, String facility, SetupErrors errors) {
        Map<String, String> seriesByDevice = new HashMap<>();
        Device.listFor(facility).stream().filter(d -> d.numberSeries != null)
                .forEach(d -> seriesByDevice.put(d.code, d.numberSeries));
        // a kiosk's series never changes: the one it has stands against what the file says
        return staysUnique("devices", "numberSeries", doc.devicesOrNone(), SetupDocument.Device::code,
                SetupDocument.Device::numberSeries, seriesByDevice, seriesByDevice::putIfAbsent,
                (other, series) -> "Kiosk " + other + " has the series " + series + "; each kiosk needs its own.", errors);
    }

    /**
     * @param byCode what each entry in the database has now, by code; {@code take} adds what the file gives to it
     * @return the paths of the entries whose value another entry has
     */
    private static <T> Set<String> staysUnique(String section, String field, List<T> entries, Function<T, String> code,
            Function<T, String> value, Map<String, String> byCode, BiConsumer<String, String> take,
            BinaryOperator<String> taken, SetupErrors errors) {
        entries.forEach(e -> {
            if (SetupApplier.code(code.apply(e)) != null && SetupApplier.code(value.apply(e)) != null) {
                take.accept(SetupApplier.code(code.apply(e)), SetupApplier.code(value.apply(e)));
            }
        });
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String key = SetupApplier.code(code.apply(entries.get(i)));
            String wanted = SetupApplier.code(value.apply(entries.get(i)));
            if (key == null || wanted == null) {
                continue;
            }
            Optional<String> other = byCode.entrySet().stream()
                    .filter(e -> !e.getKey().equals(key) && e.getValue().equals(wanted)).map(Map.Entry::getKey).findFirst();
            if (other.isPresent()) {
                errors.add(section + "[" + i + "]." + field, taken.apply(other.get(), wanted));
                paths.add(section + "[" + i + "]");
            }
        }
        return paths;
    }

    private static void references(SetupDocument doc, String facility, SetupErrors errors) {
        Set<String> services = new HashSet<>();
        ServicePoint.<ServicePoint>list("facility", facility).forEach(s -> services.add(s.code));
        doc.servicesOrNone().forEach(s -> services.add(SetupApplier.code(s.code())));
        Set<String> counters = new HashSet<>();
        Counter.listFor(facility).forEach(c -> counters.add(c.code));
        doc.countersOrNone().forEach(c -> counters.add(SetupApplier.code(c.code())));
        for (int i = 0; i < doc.countersOrNone().size(); i++) {
            known("counters[" + i + "].services", doc.countersOrNone().get(i).services(), services, "service", errors);
        }
        for (int i = 0; i < doc.boardsOrNone().size(); i++) {
            known("boards[" + i + "].services", doc.boardsOrNone().get(i).services(), services, "service", errors);
            known("boards[" + i + "].counters", doc.boardsOrNone().get(i).counters(), counters, "counter", errors);
        }
    }

    private static void known(String path, List<String> codes, Set<String> known, String what, SetupErrors errors) {
        for (int j = 0; codes != null && j < codes.size(); j++) {
            if (!known.contains(SetupApplier.code(codes.get(j)))) {
                errors.add(path + "[" + j + "]", "Unknown " + what + " '" + codes.get(j) + "': neither in this file nor in "
                        + "the hospital's set-up.");
            }
        }
    }
}
