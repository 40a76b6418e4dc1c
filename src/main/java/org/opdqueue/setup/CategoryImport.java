package org.opdqueue.setup;

import java.util.Map;

import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.web.FieldErrors;

/** A priority category from a set-up file. */
record CategoryImport(ImportRun run) implements SetupApplier.EntryImport<SetupDocument.Category> {

    @Override
    public void apply(String path, SetupDocument.Category d) {
        String code = SetupApplier.code(d.code());
        PriorityCategory c = code == null ? null : PriorityCategory.findByCode(run.facility, code).orElse(null);
        boolean isNew = c == null;
        if (!isNew && run.alreadySo(d, SetupExport.category(c))) {
            return;
        }
        Map<String, Object> before = isNew ? null : fields(c);
        if (run.checksAFreshOne(path, isNew)) {
            c = scratch(c);
        }
        FieldErrors found = CategoryRules.applyTo(c, isNew, d);
        if (!run.accepted(path, found)) {
            return;
        }
        if (isNew) {
            c.facility = run.facility;
            c.persist();
        }
        run.record("category", c.code, before, fields(c));
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

    private static Map<String, Object> fields(PriorityCategory c) {
        return ImportRun.ordered("nameEn", c.nameEn, "nameHi", c.nameHi, "priority", c.priority, "order", c.sortOrder,
                "icon", c.icon, "active", c.active);
    }
}
