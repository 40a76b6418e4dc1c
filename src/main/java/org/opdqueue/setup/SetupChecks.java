package org.opdqueue.setup;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Set<String> taken = new HashSet<>();
        Map<String, String> prefixByService = new HashMap<>();
        ServicePoint.<ServicePoint>list("facility", facility).forEach(s -> prefixByService.put(s.code, s.tokenPrefix));
        List<SetupDocument.Service> services = doc.servicesOrNone();
        services.forEach(s -> {
            if (SetupApplier.code(s.code()) != null && SetupApplier.code(s.prefix()) != null) {
                prefixByService.put(SetupApplier.code(s.code()), SetupApplier.code(s.prefix()));
            }
        });
        for (int i = 0; i < services.size(); i++) {
            String code = SetupApplier.code(services.get(i).code());
            String prefix = SetupApplier.code(services.get(i).prefix());
            if (code == null || prefix == null) {
                continue;
            }
            Optional<String> other = prefixByService.entrySet().stream()
                    .filter(e -> !e.getKey().equals(code) && e.getValue().equals(prefix)).map(Map.Entry::getKey).findFirst();
            if (other.isPresent()) {
                errors.add("services[" + i + "].prefix",
                        "Service " + other.get() + " uses the prefix " + prefix + " too; each service needs its own.");
                taken.add("services[" + i + "]");
            }
        }
        return taken;
    }

    /** A kiosk's offline numbers carry its series letter, so no two kiosks may share one. */
    private static Set<String> seriesStayUnique(SetupDocument doc, String facility, SetupErrors errors) {
        Set<String> taken = new HashSet<>();
        Map<String, String> seriesByDevice = new HashMap<>();
        Device.listFor(facility).stream().filter(d -> d.numberSeries != null)
                .forEach(d -> seriesByDevice.put(d.code, d.numberSeries));
        List<SetupDocument.Device> devices = doc.devicesOrNone();
        devices.forEach(d -> {
            if (SetupApplier.code(d.code()) != null && SetupApplier.code(d.numberSeries()) != null) {
                seriesByDevice.putIfAbsent(SetupApplier.code(d.code()), SetupApplier.code(d.numberSeries()));
            }
        });
        for (int i = 0; i < devices.size(); i++) {
            String code = SetupApplier.code(devices.get(i).code());
            String series = SetupApplier.code(devices.get(i).numberSeries());
            if (code == null || series == null) {
                continue;
            }
            Optional<String> other = seriesByDevice.entrySet().stream()
                    .filter(e -> !e.getKey().equals(code) && e.getValue().equals(series)).map(Map.Entry::getKey).findFirst();
            if (other.isPresent()) {
                errors.add("devices[" + i + "].numberSeries",
                        "Kiosk " + other.get() + " has the series " + series + "; each kiosk needs its own.");
                taken.add("devices[" + i + "]");
            }
        }
        return taken;
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
