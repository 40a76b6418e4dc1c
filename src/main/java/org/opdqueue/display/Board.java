package org.opdqueue.display;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A display board in a waiting hall: the services and counters it shows, and a ticker line. */
@Entity
@Table(name = "board")
public class Board extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    public String code;

    public String name;

    @Column(name = "name_hi")
    public String nameHi;

    public String ticker;

    public boolean active;

    @Version
    public long version;

    public static List<Board> listFor(String facility) {
        return list("facility = ?1 and active = true order by id", facility);
    }

    public static Optional<Board> findInFacility(String facility, long id) {
        return find("facility = ?1 and id = ?2 and active = true", facility, id).firstResultOptional();
    }

    public List<Long> serviceIds() {
        return getEntityManager().createQuery(
                "select l.serviceId from BoardService l where l.boardId = ?1 order by l.serviceId", Long.class)
                .setParameter(1, id).getResultList();
    }

    public List<Long> counterIds() {
        return getEntityManager().createQuery(
                "select l.counterId from BoardCounter l where l.boardId = ?1 order by l.counterId", Long.class)
                .setParameter(1, id).getResultList();
    }
}
