package org.opdqueue.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** A priority category as typed on its form; every field stays text until it has been checked. */
public class CategoryForm {

    /** SENIOR_CITIZEN: the code tokens carry (their priority column, VARCHAR(24)). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,23}");

    static final String GENERAL_LANE = "general";
    static final String PRIORITY_LANE = "priority";
    /** The icon choice that stands for "no picture" (stored as null). */
    static final String NO_ICON = "none";

    @RestForm public String code;
    @RestForm public String nameEn;
    @RestForm public String nameHi;
    @RestForm public String lane;
    @RestForm public String order;
    @RestForm public String icon;
    @RestForm public String active;

    public static CategoryForm blank() {
        CategoryForm f = new CategoryForm();
        f.lane = PRIORITY_LANE;
        f.order = "50";
        f.icon = NO_ICON;
        f.active = "on";
        return f;
    }

    public static CategoryForm of(PriorityCategory c) {
        CategoryForm f = new CategoryForm();
        f.code = c.code;
        f.nameEn = c.nameEn;
        f.nameHi = c.nameHi;
        f.lane = c.priority ? PRIORITY_LANE : GENERAL_LANE;
        f.order = Integer.toString(c.sortOrder);
        f.icon = c.icon == null ? NO_ICON : c.icon;
        f.active = c.active ? "on" : null;
        return f;
    }

    public boolean activeChecked() {
        return Fields.checked(active);
    }

    public boolean priorityLane() {
        return PRIORITY_LANE.equals(lane);
    }

    /** The icon choices of the form: none, then each picture the kiosk can draw. */
    public List<String> icons() {
        List<String> icons = new ArrayList<>();
        icons.add(NO_ICON);
        icons.addAll(PriorityCategory.KIOSK_ICONS);
        return icons;
    }

    /**
     * Checks every field (so all messages show at once) and, only if all are good, copies them onto the category.
     *
     * @return what changed, in words for the journal ("" when nothing did), or null when a field is wrong
     */
    public String applyTo(PriorityCategory c, boolean isNew, FieldErrors errors) {
        Fields fields = new Fields(errors);
        String newCode = isNew ? fields.underscoredCode("code", code, 24) : c.code;
        if (isNew && newCode != null && !CODE.matcher(newCode).matches()) {
            errors.add("code", "2 to 24 characters, starting with a letter A–Z.");
        }
        String en = fields.required("nameEn", nameEn, 100);
        String hi = fields.required("nameHi", nameHi, 100);
        Integer sortOrder = fields.number("order", order, 0, 999);
        if (!GENERAL_LANE.equals(lane) && !PRIORITY_LANE.equals(lane)) {
            errors.add("lane", "Choose the general or the priority lane.");
        }
        String chosenIcon = NO_ICON.equalsIgnoreCase(Fields.trim(icon)) ? NO_ICON : Fields.trim(icon).toUpperCase();
        if (!chosenIcon.equals(NO_ICON) && !PriorityCategory.KIOSK_ICONS.contains(chosenIcon)) {
            errors.add("icon", "Choose a picture the kiosk has, or none.");
        }
        // a token without a category is GENERAL (PriorityCategory.offeredByCode): it must stay general and offered
        if (PriorityCategory.GENERAL.equals(newCode) && priorityLane()) {
            errors.add("lane", "GENERAL is the general lane: it cannot be a priority category.");
        }
        if (PriorityCategory.GENERAL.equals(newCode) && !activeChecked()) {
            errors.add("active", "GENERAL is offered to everyone: it cannot be switched off.");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        List<String> changes = new ArrayList<>();
        change(changes, "name", c.nameEn, en);
        change(changes, "Hindi name", c.nameHi, hi);
        change(changes, "lane", isNew ? null : lane(c.priority), lane(priorityLane()));
        change(changes, "order", isNew ? null : c.sortOrder, sortOrder);
        change(changes, "icon", isNew ? null : Objects.toString(c.icon, NO_ICON), chosenIcon);
        change(changes, "active", isNew ? null : c.active, activeChecked());
        c.code = newCode;
        c.nameEn = en;
        c.nameHi = hi;
        c.priority = priorityLane();
        c.sortOrder = sortOrder;
        c.icon = chosenIcon.equals(NO_ICON) ? null : chosenIcon;
        c.active = activeChecked();
        return String.join(", ", changes);
    }

    /** The lane's value on the form: true is the priority lane. */
    public static String lane(boolean priority) {
        return priority ? PRIORITY_LANE : GENERAL_LANE;
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(before == null ? what + " " + after : what + " " + before + " → " + after);
        }
    }
}
