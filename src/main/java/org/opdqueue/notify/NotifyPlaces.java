package org.opdqueue.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;

/** How many places ahead each service tells a patient their turn nears: its own number, or the hospital's default. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NotifyPlaces {

    public static final int MOST = 50;

    private final EntityManager em;
    private final Facility facility;
    private final NotifyConfig config;

    public NotifyPlaces(EntityManager em, Facility facility, NotifyConfig config) {
        this.em = em;
        this.facility = facility;
        this.config = config;
    }

    public int defaultPlaces() {
        return config.placesAhead();
    }

    public int of(long serviceId) {
        List<?> rows = em.createNativeQuery("SELECT places_ahead FROM notify_places WHERE service_id = ?1 AND facility = ?2")
                .setParameter(1, serviceId).setParameter(2, facility.code()).getResultList();
        return rows.isEmpty() ? config.placesAhead() : ((Number) rows.get(0)).intValue();
    }

    /** The services that set their own number. */
    public Map<Long, Integer> own() {
        Map<Long, Integer> own = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT service_id, places_ahead FROM notify_places WHERE facility = ?1")
                .setParameter(1, facility.code()).getResultList()) {
            Object[] r = (Object[]) row;
            own.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
        }
        return own;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void set(long serviceId, int places) {
        em.createNativeQuery("""
                INSERT INTO notify_places (service_id, facility, places_ahead) VALUES (?1, ?2, ?3)
                ON DUPLICATE KEY UPDATE places_ahead = VALUES(places_ahead)""")
                .setParameter(1, serviceId).setParameter(2, facility.code()).setParameter(3, places).executeUpdate();
    }
}
