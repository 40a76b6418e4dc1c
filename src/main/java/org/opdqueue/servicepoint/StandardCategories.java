package org.opdqueue.servicepoint;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.Facility;
import org.opdqueue.common.Failures;
import org.opdqueue.common.Transactions;

/**
 * Gives a hospital without any priority category the four every Indian OPD runs, so a fresh production database
 * issues tokens from its first start. A hospital that has categories keeps exactly what its admin made of them.
 */
@ApplicationScoped
public class StandardCategories {

    private static final Logger LOG = Logger.getLogger(StandardCategories.class);

    record Standard(String code, String en, String hi, boolean priority, int order) {
    }

    static final List<Standard> STANDARD = List.of(
            new Standard(PriorityCategory.GENERAL, "General", "सामान्य", false, 10),
            new Standard("SENIOR_CITIZEN", "Senior citizen 60+", "वरिष्ठ नागरिक (60+)", true, 20),
            new Standard("DIVYANG", "Divyang (disability)", "दिव्यांग", true, 30),
            new Standard("PREGNANT", "Pregnant", "गर्भवती", true, 40));

    private final Facility facility;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;

    public StandardCategories(Facility facility, Transactions transactions) {
        this.facility = facility;
        this.transactions = transactions;
    }

    /** Before the demo seed and anything else that issues tokens at start-up. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent start) {
        createIfNone(facility.code());
    }

    /**
     * @return how many categories were created: 4 for a hospital that had none, else 0. Two nodes starting at once
     *         both see none; the unique key on (facility, code) lets one of them create them (a deadlock between
     *         the losers is retried, and then they see the winner's).
     */
    public int createIfNone(String facilityCode) {
        try {
            int created = transactions.run(() -> {
                if (PriorityCategory.count("facility", facilityCode) > 0) {
                    return 0;
                }
                STANDARD.forEach(s -> persist(facilityCode, s));
                PriorityCategory.flush();
                return STANDARD.size();
            });
            if (created > 0) {
                LOG.infof("Created the standard priority categories of %s (GENERAL, SENIOR_CITIZEN, DIVYANG, PREGNANT); "
                        + "change them on /admin/categories", facilityCode);
            }
            return created;
        } catch (RuntimeException e) {
            if (Failures.isDuplicateKey(e)) {
                return 0; // another node created them at the same moment
            }
            throw e;
        }
    }

    private static void persist(String facilityCode, Standard s) {
        PriorityCategory c = new PriorityCategory();
        c.facility = facilityCode;
        c.code = s.code();
        c.nameEn = s.en();
        c.nameHi = s.hi();
        c.priority = s.priority();
        c.sortOrder = s.order();
        c.icon = s.code();
        c.active = true;
        c.persist();
    }
}
