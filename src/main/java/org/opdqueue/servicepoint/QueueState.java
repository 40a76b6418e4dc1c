package org.opdqueue.servicepoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How many priority tokens a service's queue has called in a row; locked by call-next. */
@Entity
@Table(name = "queue_state")
public class QueueState extends PanacheEntityBase {

    @Id
    @Column(name = "service_id")
    public Long serviceId;

    public String facility;

    @Column(name = "priority_run")
    public int priorityRun;
}
