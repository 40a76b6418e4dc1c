package org.opdqueue.admin;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.device.Device;
import org.opdqueue.device.DeviceKind;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** A kiosk or board PC the hospital has put up. */
public class DeviceForm {

    @RestForm public String code;
    @RestForm public String name;
    @RestForm public String kind;
    @RestForm public String active;

    public static DeviceForm blank() {
        DeviceForm f = new DeviceForm();
        f.kind = DeviceKind.KIOSK.name();
        f.active = "on";
        return f;
    }

    public static DeviceForm of(Device d) {
        DeviceForm f = new DeviceForm();
        f.code = d.code;
        f.name = d.name;
        f.kind = d.kind.name();
        f.active = d.active ? "on" : null;
        return f;
    }

    public boolean activeChecked() {
        return Fields.checked(active);
    }

    public FieldErrors applyTo(Device d, boolean isNew) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        String c = isNew ? fields.code("code", code, 16) : d.code;
        String n = fields.required("name", name, 100);
        DeviceKind k = null;
        try {
            k = DeviceKind.valueOf(Fields.trim(kind));
        } catch (IllegalArgumentException e) {
            errors.add("kind", "Choose kiosk or board PC.");
        }
        if (errors.isEmpty()) {
            d.code = c;
            d.name = n;
            d.kind = k;
            d.active = activeChecked();
        }
        return errors;
    }
}
