package org.opdqueue.offline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A block of numbers a kiosk may issue while offline, for one service and business day. */
@Entity
@Table(name = "offline_reserve")
public class OfflineReserve extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    @Column(name = "device_id")
    public Long deviceId;

    @Column(name = "service_id")
    public Long serviceId;

    @Column(name = "business_day")
    public LocalDate businessDay;

    @Column(name = "number_series")
    public String numberSeries;

    @Column(name = "first_number")
    public int firstNumber;

    @Column(name = "last_number")
    public int lastNumber;

    @Column(name = "granted_at")
    public Instant grantedAt;

    public boolean covers(Long service, LocalDate day, String series, int number) {
        return serviceId.equals(service) && businessDay.equals(day) && numberSeries.equals(series)
                && number >= firstNumber && number <= lastNumber;
    }

    public static List<OfflineReserve> ofDevice(String facility, Long deviceId, LocalDate from) {
        return list("facility = ?1 and deviceId = ?2 and businessDay >= ?3", facility, deviceId, from);
    }
}
