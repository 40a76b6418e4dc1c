package org.opdqueue.admin;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.staff.Role;
import org.opdqueue.staff.StaffUser;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** A staff account: who, which role, and (when new) the first password. */
public class StaffForm {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    @RestForm public String username;
    @RestForm public String fullName;
    @RestForm public String role;
    @RestForm public String password;
    @RestForm public String active;

    public static StaffForm blank() {
        StaffForm f = new StaffForm();
        f.role = Role.COUNTER.name();
        f.active = "on";
        return f;
    }

    public static StaffForm of(StaffUser u) {
        StaffForm f = new StaffForm();
        f.username = u.username;
        f.fullName = u.fullName;
        f.role = u.role.name();
        f.active = u.active ? "on" : null;
        return f;
    }

    public boolean activeChecked() {
        return Fields.checked(active);
    }

    /** @param self whether the admin is editing their own account, which must keep ADMIN and stay active */
    public FieldErrors applyTo(StaffUser u, boolean isNew, boolean self) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        String name = u.username;
        if (isNew) {
            name = checkUsername(username, errors);
            checkPassword(password, errors);
        }
        String full = fields.required("fullName", fullName, 100);
        Role r = null;
        try {
            r = Role.valueOf(Fields.trim(role));
        } catch (IllegalArgumentException e) {
            errors.add("role", "Choose a role.");
        }
        if (self && r != null && r != Role.ADMIN) {
            errors.add("role", "You cannot take away your own admin role; ask another admin.");
        }
        if (self && !activeChecked()) {
            errors.add("active", "You cannot deactivate your own account.");
        }
        if (errors.isEmpty()) {
            u.username = name;
            u.fullName = full;
            u.role = r;
            u.active = activeChecked();
        }
        return errors;
    }

    /** The user name as stored (lower case), or null with a message when it breaks the rule. */
    public static String checkUsername(String username, FieldErrors errors) {
        String name = Fields.trim(username).toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            errors.add("username", "3 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
            return null;
        }
        return name;
    }

    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    static void checkPassword(String password, FieldErrors errors) {
        String p = password == null ? "" : password;
        if (p.length() < 8) {
            errors.add("password", "At least 8 characters.");
        } else if (p.getBytes(StandardCharsets.UTF_8).length > 72) {
            errors.add("password", "At most 72 bytes (about 70 letters).");
        }
    }
}
