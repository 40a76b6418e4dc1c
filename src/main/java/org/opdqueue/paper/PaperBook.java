package org.opdqueue.paper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A printed book of paper token slips: one service's numbers {@code firstNumber..lastNumber} in the paper series. */
@Entity
@Table(name = "paper_book")
public class PaperBook extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    @Column(name = "service_id")
    public Long serviceId;

    @Column(name = "first_number")
    public int firstNumber;

    @Column(name = "last_number")
    public int lastNumber;

    @Column(name = "reserved_by")
    public String reservedBy;

    @Column(name = "reserved_at")
    public Instant reservedAt;

    public int slips() {
        return lastNumber - firstNumber + 1;
    }

    public static Optional<PaperBook> findInFacility(String facility, long id) {
        return find("facility = ?1 and id = ?2", facility, id).firstResultOptional();
    }

    public static Optional<PaperBook> covering(String facility, long serviceId, int number) {
        return find("facility = ?1 and serviceId = ?2 and firstNumber <= ?3 and lastNumber >= ?3", facility, serviceId, number)
                .firstResultOptional();
    }

    public static List<PaperBook> ofService(String facility, long serviceId) {
        return list("facility = ?1 and serviceId = ?2 order by firstNumber", facility, serviceId);
    }

    public static List<PaperBook> listFor(String facility) {
        return list("facility = ?1 order by id desc", facility);
    }
}
