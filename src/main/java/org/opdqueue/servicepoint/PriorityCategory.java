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

import org.opdqueue.common.ProblemException;

/** GENERAL, SENIOR_CITIZEN, DIVYANG, PREGNANT, and any category the hospital adds. */
@Entity
@Table(name = "priority_category")
public class PriorityCategory extends PanacheEntityBase {

    public static final String GENERAL = "GENERAL";

    /** The pictures the kiosk can draw (the keys of {@code PICTOGRAMS} in kiosk-ui/icons.js). */
    public static final List<String> KIOSK_ICONS = List.of("GENERAL", "SENIOR_CITIZEN", "DIVYANG", "PREGNANT");

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

    /** What a patient or clerk may choose for a new token. */
    public static List<PriorityCategory> offeredIn(String facility) {
        return list("facility = ?1 and active = true order by sortOrder, code", facility);
    }

    /**
     * The category a token names (code in any case; blank means GENERAL), active or not: offline and paper slips
     * were issued earlier, when it may still have been offered. Unknown: a 400 problem naming {@code priority}.
     */
    public static PriorityCategory resolve(String facility, String code) {
        String wanted = code == null || code.isBlank() ? GENERAL : code.strip().toUpperCase();
        return findByCode(facility, wanted)
                .orElseThrow(() -> ProblemException.invalid("priority", "unknown priority category '" + wanted + "'"));
    }

    /** The category a new token asks for: as {@link #resolve}, and still offered. */
    public static PriorityCategory offeredByCode(String facility, String code) {
        PriorityCategory category = resolve(facility, code);
        if (!category.active) {
            throw ProblemException.invalid("priority", "category " + category.code + " is no longer offered");
        }
        return category;
    }
}
