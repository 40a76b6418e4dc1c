package org.opdqueue.setup;

import static org.opdqueue.setup.ImportRun.checkbox;
import static org.opdqueue.setup.ImportRun.or;

import java.util.Map;

import org.opdqueue.admin.CategoryForm;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.web.FieldErrors;

/**
 * A priority category from a set-up file, through {@link CategoryForm}. The form's lane is the file's
 * {@code priority} (true: the priority lane), which a new category must give: the form's default lane is no answer.
 */
record CategoryImport(ImportRun run) implements SetupApplier.EntryImport<SetupDocument.Category> {

    @Override
    public void apply(String path, SetupDocument.Category d) {
        String code = SetupApplier.code(d.code());
        PriorityCategory c = code == null ? null : PriorityCategory.findByCode(run.facility, code).orElse(null);
        boolean isNew = c == null;
        if (!isNew && run.alreadySo(d, SetupExport.category(c))) {
            return;
        }
        CategoryForm form = isNew ? CategoryForm.blank() : CategoryForm.of(c);
        form.code = d.code();
        form.nameEn = or(d.nameEn(), form.nameEn);
        form.nameHi = or(d.nameHi(), form.nameHi);
        form.lane = d.priority() != null ? CategoryForm.lane(d.priority()) : isNew ? null : form.lane;
        form.order = d.order() == null ? form.order : d.order().toString();
        form.icon = or(d.icon(), form.icon);
        form.active = checkbox(d.active(), form.active);
        Map<String, Object> before = isNew ? null : fields(c);
        if (run.checksAFreshOne(path, isNew)) {
            PriorityCategory fresh = new PriorityCategory();
            fresh.code = isNew ? null : c.code;
            c = fresh;
        }
        FieldErrors found = FieldErrors.none();
        form.applyTo(c, isNew, found);
        if (!run.accepted(path, asInTheFile(found))) {
            return;
        }
        if (isNew) {
            c.facility = run.facility;
            c.persist();
        }
        run.record("category", c.code, before, fields(c));
    }

    private static FieldErrors asInTheFile(FieldErrors form) {
        FieldErrors file = FieldErrors.none();
        form.all().forEach((field, message) -> file.add(field.equals("lane") ? "priority" : field, message));
        return file;
    }

    private static Map<String, Object> fields(PriorityCategory c) {
        return ImportRun.ordered("nameEn", c.nameEn, "nameHi", c.nameHi, "priority", c.priority, "order", c.sortOrder,
                "icon", c.icon, "active", c.active);
    }
}
