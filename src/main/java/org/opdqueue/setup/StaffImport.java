package org.opdqueue.setup;

import static org.opdqueue.setup.ImportRun.checkbox;
import static org.opdqueue.setup.ImportRun.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opdqueue.admin.StaffForm;
import org.opdqueue.staff.StaffUser;
import org.opdqueue.web.FieldErrors;

/**
 * A staff account from a set-up file, through {@link StaffForm} as an existing account (a file never carries a
 * password). The admin importing it is held to the form's rule for their own account: they keep ADMIN and stay active.
 *
 * @param needsPassword filled with the staff in the file who cannot log in until an admin sets a password
 */
record StaffImport(ImportRun run, List<String> needsPassword) implements SetupApplier.EntryImport<SetupDocument.Staff> {

    /**
     * The password hash of staff created from a file: no password ever matches it (it is no bcrypt hash), so they
     * cannot log in until an admin sets a password on /admin/staff.
     */
    static final String NO_PASSWORD = "!none: set a password on /admin/staff";

    StaffImport(ImportRun run) {
        this(run, new ArrayList<>());
    }

    @Override
    public void apply(String path, SetupDocument.Staff d) {
        String name = SetupApplier.username(d.username());
        StaffUser u = name == null ? null : StaffUser.findByUsername(run.facility, name).orElse(null);
        boolean isNew = u == null;
        if (!isNew && run.alreadySo(d, new SetupDocument.Staff(u.username, u.fullName, u.role.name(), u.active))) {
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
        boolean self = !isNew && u.username.equals(run.actor);
        if (run.checksAFreshOne(path, isNew)) {
            StaffUser fresh = new StaffUser();
            fresh.username = isNew ? StaffForm.checkUsername(d.username(), found) : u.username;
            u = fresh;
        }
        form.applyTo(u, false, self).all().forEach(found::add);
        if (!run.accepted(path, found)) {
            return;
        }
        if (isNew) {
            u.facility = run.facility;
            u.passwordHash = run.passwordHashes.getOrDefault(u.username, NO_PASSWORD);
            u.createdAt = run.now;
            u.persist();
        }
        if (NO_PASSWORD.equals(u.passwordHash)) {
            needsPassword.add(u.username);
        }
        run.record("staff", u.username, before, fields(u));
    }

    private static Map<String, Object> fields(StaffUser u) {
        return ImportRun.ordered("fullName", u.fullName, "role", u.role, "active", u.active);
    }
}
