package org.opdqueue.servicepoint;

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

/** GENERAL, SENIOR_CITIZEN, DIVYANG, PREGNANT, and any category the hospital adds. */
@Entity
@Table(name = "priority_category")
public class PriorityCategory extends PanacheEntityBase {

    public static final String GENERAL = "GENERAL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    public String code;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "name_hi")
    public String nameHi;

    /** Whether tokens of this category go in the priority lane. */
    public boolean priority;

    @Column(name = "sort_order")
    public int sortOrder;

    /** Which of the kiosk's pictures stands for it (GENERAL, SENIOR_CITIZEN, DIVYANG, PREGNANT, …); null: none. */
    public String icon;

    /** Offered for new tokens; a deactivated category stays so that tokens issued with it keep working. */
    public boolean active = true;

    @Version
    public long version;

    public static Optional<PriorityCategory> findByCode(String facility, String code) {
        return find("facility = ?1 and code = ?2", facility, code).firstResultOptional();
    }

    public static List<PriorityCategory> listFor(String facility) {
        return list("facility = ?1 order by sortOrder, code", facility);
    }
}
