package org.opdqueue.counter;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service a counter calls from. */
@Entity
@Table(name = "counter_service")
@IdClass(CounterService.Key.class)
public class CounterService extends PanacheEntityBase {

    @Id
    @Column(name = "counter_id")
    public Long counterId;

    @Id
    @Column(name = "service_id")
    public Long serviceId;

    public String facility;

    public static CounterService of(String facility, Long counterId, Long serviceId) {
        CounterService link = new CounterService();
        link.facility = facility;
        link.counterId = counterId;
        link.serviceId = serviceId;
        return link;
    }

    public static List<Long> serviceIdsOf(Long counterId) {
        return getEntityManager()
                .createQuery("select l.serviceId from CounterService l where l.counterId = ?1 order by l.serviceId", Long.class)
                .setParameter(1, counterId).getResultList();
    }

    public static class Key implements Serializable {
        public Long counterId;
        public Long serviceId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(counterId, k.counterId) && Objects.equals(serviceId, k.serviceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(counterId, serviceId);
        }
    }
}
