package org.opdqueue.setup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opdqueue.staff.Role;
import org.opdqueue.staff.StaffUser;

/**
 * A set-up file must not lock the hospital out of its admin pages: afterwards an active ADMIN with a password must
 * remain, or, while the hospital has no staff at all, the first administrator must still be possible (it is made from
 * OPD_BOOTSTRAP_ADMIN_PASSWORD only while there are none). An admin from a file has no password, so is no way in. The
 * web import keeps the admin doing it by the staff form's rule for one's own account; the jar's command is run by
 * nobody on the staff list, and this is what keeps it from switching off the last admin.
 */
final class AdminLockOut {

    private final String facility;
    private final Set<String> adminsBefore;
    private final boolean lockedOutBefore;

    private AdminLockOut(String facility) {
        this.facility = facility;
        this.adminsBefore = new HashSet<>(adminsWhoCanLogIn());
        this.lockedOutBefore = lockedOut(adminsBefore);
    }

    /** Notes who can administer the hospital before the file is applied. */
    static AdminLockOut before(String facility) {
        return new AdminLockOut(facility);
    }

    /** After the file is applied (in the same transaction): a fault where it would lock the hospital out. */
    void check(SetupDocument doc, SetupErrors errors) {
        if (lockedOutBefore || !lockedOut(adminsWhoCanLogIn())) {
            return; // a hospital locked out already is not made worse by a file, which carries no password
        }
        List<SetupDocument.Staff> staff = doc.staffOrNone();
        boolean blamed = false;
        for (int i = 0; i < staff.size(); i++) {
            SetupDocument.Staff s = staff.get(i);
            String name = SetupApplier.username(s.username());
            if (adminsBefore.contains(name)) {
                boolean demoted = s.role() != null && !Role.ADMIN.name().equalsIgnoreCase(s.role().strip());
                errors.add("staff[" + i + "]." + (demoted ? "role" : "active"), "After this file no active admin could "
                        + "log in: keep " + name + " an active ADMIN, or first give another admin a password on /admin/staff.");
                blamed = true;
            }
        }
        if (!blamed) {
            errors.add("staff", "This hospital has no administrator yet, and once these staff exist none can be made from "
                    + "OPD_BOOTSTRAP_ADMIN_PASSWORD (only a hospital without staff gets one); staff from a file have no "
                    + "password. Start the server once with OPD_BOOTSTRAP_ADMIN_PASSWORD set, then import the file.");
        }
    }

    private boolean lockedOut(Set<String> admins) {
        return admins.isEmpty() && StaffUser.count("facility", facility) > 0;
    }

    private Set<String> adminsWhoCanLogIn() {
        return new HashSet<>(StaffUser.<StaffUser>list("facility = ?1 and role = ?2 and active = true "
                + "and passwordHash is not null and passwordHash <> ?3", facility, Role.ADMIN, StaffImport.NO_PASSWORD)
                .stream().map(u -> u.username).toList());
    }
}
