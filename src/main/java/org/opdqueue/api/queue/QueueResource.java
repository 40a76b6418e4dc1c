package org.opdqueue.api.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.counter.Counter;
import org.opdqueue.queue.Calling;
import org.opdqueue.queue.WaitEstimates;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

@Path("/api/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues")
public class QueueResource {

    /** Waiting tokens listed when the client does not say; {@code waitingCount} always counts them all. */
    static final int DEFAULT_LIMIT = 200;
    static final int MOST_LISTED = 1000;

    private final Facility facility;
    private final HospitalClock clock;
    private final WaitEstimates estimates;
    private final QueueReads reads;

    public QueueResource(Facility facility, HospitalClock clock, WaitEstimates estimates, QueueReads reads) {
        this.facility = facility;
        this.clock = clock;
        this.estimates = estimates;
        this.reads = reads;
    }

    @GET
    @Path("{serviceCode}")
    @Operation(summary = "Today's waiting list in true call order (the first 'limit', default 200, at most 1000), "
            + "the total waiting, and the tokens now at counters")
    public QueueView get(@PathParam("serviceCode") String serviceCode,
            @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MOST_LISTED) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MOST_LISTED);
        }
        String code = serviceCode.strip().toUpperCase();
        return reads.of(code, () -> read(code)).first(limit);
    }

    private QueueView read(String serviceCode) {
        ServicePoint service = ServicePoint.findByCode(facility.code(), serviceCode)
                .orElseThrow(() -> ProblemException.notFound("Service", serviceCode));
        List<Token> tokens = Token.list("""
                facility = ?1 and serviceId = ?2 and businessDay = ?3 and status in ?4 order by queuedAt, id""",
                facility.code(), service.id, clock.businessDay(),
                List.of(TokenStatus.WAITING, TokenStatus.CALLED, TokenStatus.SERVING));
        Map<Boolean, List<Token>> lanes = tokens.stream().filter(t -> t.status == TokenStatus.WAITING)
                .collect(Collectors.partitioningBy(t -> t.priorityLane));
        List<Token> order = estimates.policyOf(service).callOrder(lanes.get(true), lanes.get(false), Calling.BY_QUEUE_TIME);

        List<QueueView.Waiting> waiting = new ArrayList<>(order.size());
        for (Token t : order) {
            waiting.add(new QueueView.Waiting(waiting.size() + 1, t.id, t.displayNumber, t.priority, t.priorityLane, t.issuedAt,
                    t.reservationUnknown ? Boolean.TRUE : null));
        }
        Map<Long, Counter> counters = Counter.listFor(facility.code()).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<QueueView.AtCounter> atCounters = tokens.stream().filter(t -> t.status != TokenStatus.WAITING)
                .map(t -> new QueueView.AtCounter(t.id, t.displayNumber, t.status.name(), t.counterId,
                        counters.get(t.counterId).name, t.calledAt))
                .toList();
        return new QueueView(service.code, waiting.size(), estimates.openCounters(service),
                estimates.waitForNewcomer(service, waiting.size()), waiting, atCounters);
    }
}
