package org.opdqueue.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.counter.Counter;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** A counter or room and the services it calls from. */
public class CounterForm {

    @RestForm public String code;
    @RestForm public String name;
    @RestForm public String nameHi;
    @RestForm public List<String> services = new ArrayList<>();

    public static CounterForm of(Counter c, List<String> serviceCodes) {
        CounterForm f = new CounterForm();
        f.code = c.code;
        f.name = c.name;
        f.nameHi = c.nameHi;
        f.services = new ArrayList<>(serviceCodes);
        return f;
    }

    /** Checks every field; returns the services to link when all is well. */
    public FieldErrors applyTo(Counter c, boolean isNew, String facility, List<ServicePoint> chosen) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        String checkedCode = isNew ? fields.code("code", code, 16) : c.code;
        String checkedName = fields.required("name", name, 100);
        String checkedNameHi = fields.optional("nameHi", nameHi, 100);
        List<String> codes = services == null ? List.of() : services;
        if (codes.isEmpty()) {
            errors.add("services", "Choose at least one service this counter calls from.");
        }
        for (String s : codes) {
            Optional<ServicePoint> service = ServicePoint.findByCode(facility, s);
            if (service.isEmpty()) {
                errors.add("services", "Unknown service " + s + ".");
            } else {
                chosen.add(service.get());
            }
        }
        if (errors.isEmpty()) {
            c.code = checkedCode;
            c.name = checkedName;
            c.nameHi = checkedNameHi;
        }
        return errors;
    }
}
