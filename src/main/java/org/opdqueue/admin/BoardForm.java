package org.opdqueue.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.counter.Counter;
import org.opdqueue.display.Board;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** A waiting-hall board: its names, ticker line, and the services and counters it shows. */
public class BoardForm {

    @RestForm public String code;
    @RestForm public String name;
    @RestForm public String nameHi;
    @RestForm public String ticker;
    @RestForm public String active;
    @RestForm public List<String> services = new ArrayList<>();
    @RestForm public List<String> counters = new ArrayList<>();

    /** What the board will show, once every field has been checked. */
    public record Shows(List<ServicePoint> services, List<Counter> counters) {
    }

    public static BoardForm blank() {
        BoardForm f = new BoardForm();
        f.active = "on";
        return f;
    }

    public static BoardForm of(Board b, List<String> serviceCodes, List<String> counterCodes) {
        BoardForm f = new BoardForm();
        f.code = b.code;
        f.name = b.name;
        f.nameHi = b.nameHi;
        f.ticker = b.ticker;
        f.active = b.active ? "on" : null;
        f.services = new ArrayList<>(serviceCodes);
        f.counters = new ArrayList<>(counterCodes);
        return f;
    }

    public boolean activeChecked() {
        return Fields.checked(active);
    }

    public FieldErrors applyTo(Board b, boolean isNew, String facility, Shows shows) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        String c = isNew ? fields.code("code", code, 16) : b.code;
        String en = fields.required("name", name, 100);
        String hi = fields.required("nameHi", nameHi, 100);
        String line = fields.optional("ticker", ticker, 500);
        for (String s : services == null ? List.<String>of() : services) {
            Optional<ServicePoint> service = ServicePoint.findByCode(facility, s);
            service.ifPresentOrElse(shows.services()::add, () -> errors.add("services", "Unknown service " + s + "."));
        }
        for (String k : counters == null ? List.<String>of() : counters) {
            Optional<Counter> counter = Counter.find("facility = ?1 and code = ?2", facility, k).firstResultOptional();
            counter.ifPresentOrElse(shows.counters()::add, () -> errors.add("counters", "Unknown counter " + k + "."));
        }
        if (shows.services().isEmpty() && shows.counters().isEmpty() && !errors.has("services")) {
            errors.add("services", "Choose at least one service or counter for the board to show.");
        }
        if (errors.isEmpty()) {
            b.code = c;
            b.name = en;
            b.nameHi = hi;
            b.ticker = line;
            b.active = activeChecked();
        }
        return errors;
    }
}
