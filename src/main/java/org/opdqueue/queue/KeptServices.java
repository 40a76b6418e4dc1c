package org.opdqueue.queue;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.counter.Counter;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * Services by id, and the services each counter serves, as last read, kept between set-up changes
 * ({@link CommittedReadings#setUp}; the admin's service and counter forms forget them): a call, its answer, the
 * complete after it and the board feed's counts each looked them up, a statement every time. What it returns is
 * shared by every thread and only read.
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

    /** The ids of the services this counter serves, in id order (the order queues are locked in). */
    public List<Long> servedBy(Counter counter) {
        return readings.setUp("counter-services:" + counter.id, () -> List.copyOf(counter.serviceIds()));
    }
}
