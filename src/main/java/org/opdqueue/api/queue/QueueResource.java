package org.opdqueue.api.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.counter.Counter;
import org.opdqueue.queue.QueueReads;
import org.opdqueue.queue.WaitEstimates;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;

@Path("/api/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues")
public class QueueResource {

    private final Facility facility;
    private final WaitEstimates estimates;
    private final QueueReads reads;

    public QueueResource(Facility facility, WaitEstimates estimates, QueueReads reads) {
        this.facility = facility;
        this.estimates = estimates;
        this.reads = reads;
    }

    @GET
    @Path("{serviceCode}")
    @Operation(summary = "Today's waiting list in true call order, and the tokens now at counters")
    public QueueView get(@PathParam("serviceCode") String serviceCode) {
        ServicePoint service = ServicePoint.findByCode(facility.code(), serviceCode.toUpperCase())
                .orElseThrow(() -> ProblemException.notFound("Service", serviceCode));
        QueueReads.Line line = reads.lineOf(service);
        List<QueueView.Waiting> waiting = new ArrayList<>(line.waiting().size());
        for (Token t : line.waiting()) {
            waiting.add(new QueueView.Waiting(waiting.size() + 1, t.id, t.displayNumber, t.priority, t.priorityLane, t.issuedAt,
                    t.reservationUnknown ? Boolean.TRUE : null));
        }
        Map<Long, Counter> counters = Counter.listFor(facility.code()).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<QueueView.AtCounter> atCounters = line.atCounters().stream()
                .map(t -> new QueueView.AtCounter(t.id, t.displayNumber, t.status.name(), t.counterId,
                        counters.get(t.counterId).name, t.calledAt))
                .toList();
        return new QueueView(service.code, waiting.size(), estimates.openCounters(service),
                estimates.waitForNewcomer(service, waiting.size()), waiting, atCounters);
    }
}
