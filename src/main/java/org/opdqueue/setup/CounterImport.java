package org.opdqueue.setup;

import static org.opdqueue.setup.ImportRun.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opdqueue.admin.CounterForm;
import org.opdqueue.counter.Counter;
import org.opdqueue.counter.CounterService;
import org.opdqueue.counter.CounterState;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.web.FieldErrors;

/**
 * A counter or room from a set-up file, through {@link CounterForm}, with the services it calls from. A new one
 * starts CLOSED; the services it calls from are written again only when they changed.
 */
record CounterImport(ImportRun run) implements SetupApplier.EntryImport<SetupDocument.Counter> {

    @Override
    public void apply(String path, SetupDocument.Counter d) {
        String code = SetupApplier.code(d.code());
        Counter c = code == null ? null
                : Counter.<Counter>find("facility = ?1 and code = ?2", run.facility, code).firstResult();
        boolean isNew = c == null;
        List<String> current = isNew ? List.of() : ImportRun.codesOf(CounterService.serviceIdsOf(c.id), run.serviceCodes());
        if (!isNew && run.alreadySo(d, new SetupDocument.Counter(c.code, c.name, current, c.nameHi))) {
            return;
        }
        CounterForm form = isNew ? new CounterForm() : CounterForm.of(c, current);
        form.code = d.code();
        form.name = or(d.name(), form.name);
        form.nameHi = or(d.nameHi(), form.nameHi);
        form.services = d.services() == null ? form.services
                : run.existing(path + ".services", d.services(), run.serviceCodes());
        Map<String, Object> before = isNew ? null : fields(c, current);
        if (run.checksAFreshOne(path, isNew)) {
            Counter fresh = new Counter();
            fresh.code = isNew ? null : c.code;
            c = fresh;
        }
        List<ServicePoint> chosen = new ArrayList<>();
        FieldErrors found = form.applyTo(c, isNew, run.facility, chosen);
        if (!run.accepted(path, found)) {
            return;
        }
        List<String> wanted = chosen.stream().map(s -> s.code).sorted().distinct().toList();
        if (isNew) {
            c.facility = run.facility;
            c.state = CounterState.CLOSED;
            c.persist();
        } else if (!wanted.equals(current)) {
            CounterService.delete("counterId", c.id);
        }
        if (isNew || !wanted.equals(current)) {
            Long id = c.id;
            chosen.stream().map(s -> s.id).distinct().forEach(sid -> CounterService.of(run.facility, id, sid).persist());
        }
        run.record("counter", c.code, before, fields(c, wanted));
    }

    private static Map<String, Object> fields(Counter c, List<String> services) {
        return ImportRun.ordered("name", c.name, "nameHi", c.nameHi, "services", services);
    }
}
