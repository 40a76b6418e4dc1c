package org.opdqueue.admin;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** The service (department) form, as typed: every field stays text until it has been checked. */
public class ServiceForm {

    /** The pictogram choice that stands for "no picture" (stored as null). */
    static final String NO_PICTOGRAM = "none";

    @RestForm public String code;
    @RestForm public String nameEn;
    @RestForm public String nameHi;
    @RestForm public String prefix;
    @RestForm public String roomHint;
    @RestForm public String roomHintHi;
    @RestForm public String order;
    @RestForm public String pictogram;
    @RestForm public String opensAt;
    @RestForm public String closesAt;
    @RestForm public String interleave;
    @RestForm public String serviceMinutes;
    @RestForm public String active;

    public static ServiceForm blank() {
        ServiceForm f = new ServiceForm();
        f.opensAt = "08:00";
        f.closesAt = "14:00";
        f.interleave = "2";
        f.serviceMinutes = "5";
        f.active = "on";
        f.order = "0";
        f.pictogram = NO_PICTOGRAM;
        return f;
    }

    public static ServiceForm of(ServicePoint s) {
        ServiceForm f = new ServiceForm();
        f.code = s.code;
        f.nameEn = s.nameEn;
        f.nameHi = s.nameHi;
        f.prefix = s.tokenPrefix;
        f.roomHint = s.roomHint;
        f.roomHintHi = s.roomHintHi;
        f.order = Integer.toString(s.displayOrder);
        f.pictogram = s.pictogram == null ? NO_PICTOGRAM : s.pictogram;
        f.opensAt = s.opensAt.toString();
        f.closesAt = s.closesAt.toString();
        f.interleave = Integer.toString(s.priorityInterleave);
        f.serviceMinutes = Integer.toString(Math.max(1, s.defaultServiceSeconds / 60));
        f.active = s.active ? "on" : null;
        return f;
    }

    /** The picture choices of the form: none, then each one the kiosk can draw. */
    public List<String> pictograms() {
        List<String> all = new ArrayList<>();
        all.add(NO_PICTOGRAM);
        all.addAll(ServicePoint.PICTOGRAMS);
        return all;
    }

    public boolean activeChecked() {
        return Fields.checked(active);
    }

    /** Checks every field (so all messages show at once) and, only if all are good, copies them onto the service. */
    public FieldErrors applyTo(ServicePoint s, boolean isNew) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        String c = isNew ? fields.code("code", code, 16) : s.code;
        String en = fields.required("nameEn", nameEn, 100);
        String hi = fields.required("nameHi", nameHi, 100);
        String p = fields.code("prefix", prefix, 5);
        String room = fields.optional("roomHint", roomHint, 100);
        String roomHi = fields.optional("roomHintHi", roomHintHi, 100);
        Integer kioskOrder = fields.number("order", order == null || order.isBlank() ? "0" : order, 0, 999);
        String picture = pictogram == null || pictogram.isBlank() || NO_PICTOGRAM.equalsIgnoreCase(pictogram.strip())
                ? null : pictogram.strip().toUpperCase();
        if (picture != null && !ServicePoint.PICTOGRAMS.contains(picture)) {
            errors.add("pictogram", "Choose a picture the kiosk has, or none.");
        }
        LocalTime opens = fields.time("opensAt", opensAt);
        LocalTime closes = fields.time("closesAt", closesAt);
        Integer run = fields.number("interleave", interleave, 0, 10);
        Integer minutes = fields.number("serviceMinutes", serviceMinutes, 1, 240);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            errors.add("closesAt", "Must be after the opening time.");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        s.code = c;
        s.nameEn = en;
        s.nameHi = hi;
        s.tokenPrefix = p;
        s.roomHint = room;
        s.roomHintHi = roomHi;
        s.displayOrder = kioskOrder;
        s.pictogram = picture;
        s.opensAt = opens;
        s.closesAt = closes;
        s.priorityInterleave = run;
        s.defaultServiceSeconds = minutes * 60;
        s.active = activeChecked();
        return errors;
    }
}
