package org.opdqueue.counter;

import java.util.List;

import jakarta.persistence.Column;
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

    /** The room or desk in Hindi, e.g. "कमरा 1", for Hindi screens (null: the name is shown as it is). */
    @Column(name = "name_hi")
    public String nameHi;

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
