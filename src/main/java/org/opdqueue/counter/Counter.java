package org.opdqueue.counter;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A desk or room that calls tokens from the queues of the services it serves. */
@Entity
@Table(name = "counter")
public class Counter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public CounterState state;

    @Version
    public long version;

    public List<Long> serviceIds() {
        return CounterService.serviceIdsOf(id);
    }

    public static List<Counter> listFor(String facility) {
        return list("facility = ?1 order by id", facility);
    }
}
