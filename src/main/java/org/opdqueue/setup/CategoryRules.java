package org.opdqueue.setup;

import java.util.regex.Pattern;

import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/**
 * The rules of a priority category as a file sets it; the other kinds have an admin form that holds their rules.
 * A field left out keeps what the category has; a new category must say which lane it is in.
 */
final class CategoryRules {

    /** SENIOR_CITIZEN: the code tokens carry (priority column, VARCHAR(24)); the underscore is allowed here. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,23}");
    /** A name the kiosk knows a picture by (kiosk-ui/icons.js); an unknown one shows the general picture. */
    private static final Pattern ICON = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private CategoryRules() {
    }

    /** Checks every field and, only if all are good, copies them onto the category. */
    static FieldErrors applyTo(PriorityCategory c, boolean isNew, SetupDocument.Category d) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        String code = c.code;
        if (isNew) {
            code = fields.required("code", d.code(), 24);
            code = code == null ? null : code.toUpperCase();
            if (code != null && !CODE.matcher(code).matches()) {
                errors.add("code", "2 to 24 letters A–Z, digits or '_', starting with a letter.");
            }
        }
        String en = fields.required("nameEn", d.nameEn() != null ? d.nameEn() : c.nameEn, 100);
        String hi = fields.required("nameHi", d.nameHi() != null ? d.nameHi() : c.nameHi, 100);
        Integer order = fields.number("order", String.valueOf(d.order() != null ? d.order() : c.sortOrder), 0, 999);
        String icon = d.icon() == null ? c.icon : fields.optional("icon", d.icon(), 32);
        if (d.icon() != null && icon != null) {
            icon = icon.toUpperCase();
            if (!ICON.matcher(icon).matches()) {
                errors.add("icon", "A picture's name such as SENIOR_CITIZEN: letters A–Z, digits or '_'.");
            }
        }
        Boolean priority = d.priority() != null ? d.priority() : isNew ? null : c.priority;
        if (priority == null) {
            errors.add("priority", "Required: true for the priority lane, false for the general one.");
        }
        boolean active = d.active() != null ? d.active() : isNew || c.active;
        if (PriorityCategory.GENERAL.equals(code) && Boolean.TRUE.equals(priority)) {
            errors.add("priority", "GENERAL is the general lane: it cannot be a priority category.");
        }
        if (PriorityCategory.GENERAL.equals(code) && !active) {
            errors.add("active", "GENERAL is offered to everyone: it cannot be switched off.");
        }
        if (errors.isEmpty()) {
            c.code = code;
            c.nameEn = en;
            c.nameHi = hi;
            c.sortOrder = order;
            c.icon = icon;
            c.priority = priority;
            c.active = active;
        }
        return errors;
    }
}
