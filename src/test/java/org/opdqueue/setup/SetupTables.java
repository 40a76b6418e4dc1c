package org.opdqueue.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Row counts of every table a set-up import may write, for one hospital: "nothing applied" means these stay. */
@ApplicationScoped
public class SetupTables {

    private static final List<String> TABLES = List.of("priority_category", "service_point", "queue_state", "counter",
            "counter_service", "board", "board_service", "board_counter", "device", "staff_user", "journal_entry");

    private final EntityManager em;

    public SetupTables(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Map<String, Long> counts(String facility) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE facility = ?1")
                    .setParameter(1, facility).getSingleResult();
            counts.put(table, n.longValue());
        }
        return counts;
    }
}
