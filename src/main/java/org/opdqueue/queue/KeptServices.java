package org.opdqueue.queue;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * Services by id as last read, kept between set-up changes ({@link CommittedReadings#setUp}): a call, its answer, the
 * complete after it and the board feed's counts each looked the same service up, a statement every time. What it
 * returns is shared by every thread and only read: its call policy, names and default service time.
 */
@ApplicationScoped
public class KeptServices {

    private final CommittedReadings readings;

    public KeptServices(CommittedReadings readings) {
        this.readings = readings;
    }

    /** The service with this id (null: none), read in the caller's transaction when it is not kept. */
    public ServicePoint byId(long serviceId) {
        return readings.setUp("service:" + serviceId, () -> ServicePoint.<ServicePoint>findById(serviceId));
    }
}
