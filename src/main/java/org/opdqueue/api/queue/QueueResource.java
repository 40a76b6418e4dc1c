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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.counter.Counter;
import org.opdqueue.queue.QueueReads;
import org.opdqueue.queue.WaitEstimates;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;

@Path("/api/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues")
public class QueueResource {

    /**
     * Waiting tokens listed when the client does not say: a page of them stays under 20 KB however long the queue
     * (about 110 bytes a token); {@code waitingCount} always counts them all, {@code offset} pages further.
     */
    static final int DEFAULT_LIMIT = 100;
    static final int MOST_LISTED = 1000;

    private final Facility facility;
    private final WaitEstimates estimates;
    private final QueueReads reads;
    private final CommittedReadings shared;
    private final SecurityIdentity caller;

    public QueueResource(Facility facility, WaitEstimates estimates, QueueReads reads, CommittedReadings shared,
            SecurityIdentity caller) {
        this.facility = facility;
        this.estimates = estimates;
        this.reads = reads;
        this.shared = shared;
        this.caller = caller;
    }

    @GET
    @Path("{serviceCode}")
    @Operation(summary = "Today's waiting list in true call order (a page: 'limit' tokens, default 100, at most 1000, "
            + "after the first 'offset'), the total waiting, and the tokens now at counters; priority categories for "
            + "staff only")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QueueView.class)))
    public Response get(@PathParam("serviceCode") String serviceCode,
            @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > MOST_LISTED) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MOST_LISTED);
        }
        if (offset < 0) {
            throw ProblemException.invalid("offset", "must be 0 or more");
        }
        String code = serviceCode.strip().toUpperCase();
        boolean anonymous = caller.getRoles().isEmpty(); // no categories for them, as for one token (TokenResource.get)
        if (offset == 0 && limit == DEFAULT_LIMIT) { // the page every screen polls, written once per reading
            return Response.ok(shared.json("queue-page:" + code + (anonymous ? "" : ":staff"),
                    () -> shown(read(code).page(0, limit), anonymous))).build();
        }
        // not read inside the reading above: one reading never waits for another (no lock order to keep)
        QueueView queue = shared.get("queue:" + code, () -> read(code));
        return Response.ok(shown(queue.page(offset, limit), anonymous)).build();
    }

    private static QueueView shown(QueueView view, boolean anonymous) {
        return anonymous ? view.withoutCategories() : view;
    }

    private QueueView read(String serviceCode) {
        ServicePoint service = ServicePoint.findByCode(facility.code(), serviceCode)
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
