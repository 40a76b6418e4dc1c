package org.opdqueue.offline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An offline kiosk token the merge refused: a patient holding a printed slip that is in no queue, until a staff
 * member has dealt with it (usually by issuing a new token) and acknowledged it.
 */
@Entity
@Table(name = "offline_refusal")
public class OfflineRefusal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    @Column(name = "device_code")
    public String deviceCode;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "service_code")
    public String serviceCode;

    @Column(name = "offline_number")
    public String offlineNumber;

    public String priority;

    public String reason;

    /** By the kiosk's own clock, as printed on the slip. */
    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** Not yet dealt with, oldest first; {@code serviceCodes} empty means every service. */
    /** Staff deal with them oldest first; a screen never lists more than this many at once. */
    static final int MAX_OPEN = 200;

    static List<OfflineRefusal> open(String facility, Collection<String> serviceCodes) {
        return (serviceCodes.isEmpty()
                ? find("facility = ?1 and acknowledgedAt is null order by issuedAt, id", facility)
                : find("facility = ?1 and acknowledgedAt is null and serviceCode in ?2 order by issuedAt, id", facility,
                        serviceCodes)).page(0, MAX_OPEN).<OfflineRefusal>list();
    }
}
