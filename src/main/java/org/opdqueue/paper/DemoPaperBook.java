package org.opdqueue.paper;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.Facility;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.servicepoint.ServicePoint;

/** The demo hospital's General Medicine comes with one paper book of 50 slips to print. Only with {@code opd.demo.seed}. */
@ApplicationScoped
public class DemoPaperBook {

    static final String SERVICE = "MED";
    static final int SLIPS = 50;

    private static final Logger LOG = Logger.getLogger(DemoPaperBook.class);

    void reserve(@Observes @Priority(3000) StartupEvent start, OpdConfig config, Facility facility, PaperBooks books) {
        if (!config.demo().seed()) {
            return;
        }
        boolean hasBook = QuarkusTransaction.requiringNew().call(() -> ServicePoint
                .findByCode(facility.code(), SERVICE).map(s -> PaperBook.count("facility = ?1 and serviceId = ?2", facility.code(), s.id) > 0)
                .orElse(true));
        if (!hasBook) {
            PaperBooks.BookView book = books.reserve(SERVICE, SLIPS, "demo");
            LOG.infof("Demo paper book %d reserved: %s – %s, print it at /admin/paper-books/%d/print", book.id(), book.from(),
                    book.to(), book.id());
        }
    }
}
