package org.opdqueue.setup;

import static org.opdqueue.setup.ImportRun.checkbox;
import static org.opdqueue.setup.ImportRun.or;

import java.util.Map;

import org.opdqueue.admin.ServiceForm;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.web.FieldErrors;

/** A department from a set-up file, through {@link ServiceForm}; a new one gets its queue as on the admin page. */
record ServiceImport(ImportRun run) implements SetupApplier.EntryImport<SetupDocument.Service> {

    @Override
    public void apply(String path, SetupDocument.Service d) {
        String code = SetupApplier.code(d.code());
        ServicePoint s = code == null ? null : ServicePoint.findByCode(run.facility, code).orElse(null);
        boolean isNew = s == null;
        if (!isNew && run.alreadySo(d, SetupExport.service(s))) {
            return;
        }
        ServiceForm form = isNew ? ServiceForm.blank() : ServiceForm.of(s);
        form.code = d.code();
        form.nameEn = or(d.nameEn(), form.nameEn);
        form.nameHi = or(d.nameHi(), form.nameHi);
        form.prefix = or(d.prefix(), form.prefix);
        form.roomHint = or(d.roomHint(), form.roomHint);
        form.roomHintHi = or(d.roomHintHi(), form.roomHintHi);
        form.order = d.order() == null ? form.order : d.order().toString();
        form.pictogram = or(d.pictogram(), form.pictogram);
        form.opensAt = or(d.opensAt(), form.opensAt);
        form.closesAt = or(d.closesAt(), form.closesAt);
        form.interleave = d.interleave() == null ? form.interleave : d.interleave().toString();
        form.serviceMinutes = d.serviceMinutes() == null ? form.serviceMinutes : d.serviceMinutes().toString();
        form.active = checkbox(d.active(), form.active);
        Map<String, Object> before = isNew ? null : fields(s);
        if (run.checksAFreshOne(path, isNew)) {
            ServicePoint fresh = new ServicePoint();
            fresh.code = isNew ? null : s.code;
            s = fresh;
        }
        FieldErrors found = form.applyTo(s, isNew);
        if (!run.accepted(path, found)) {
            return;
        }
        if (isNew) {
            s.facility = run.facility;
            s.persistWithQueue();
        }
        run.record("service", s.code, before, fields(s));
    }

    private static Map<String, Object> fields(ServicePoint s) {
        return ImportRun.ordered("nameEn", s.nameEn, "nameHi", s.nameHi, "prefix", s.tokenPrefix, "roomHint", s.roomHint,
                "roomHintHi", s.roomHintHi, "order", s.displayOrder, "pictogram", s.pictogram,
                "opensAt", s.opensAt, "closesAt", s.closesAt, "interleave", s.priorityInterleave,
                "serviceMinutes", s.defaultServiceSeconds, "active", s.active);
    }
}
