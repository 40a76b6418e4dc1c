package org.opdqueue.api.counter;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.opdqueue.counter.CounterCommands;
import org.opdqueue.counter.CounterState;
import org.opdqueue.outage.CallRelay;
import org.opdqueue.queue.Calling;
import org.opdqueue.queue.TokenViews;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.staff.Role;
import org.opdqueue.status.SystemMode;

@Path("/api/counters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Counters")
public class CounterResource {

    public record StateChange(@NotNull(message = "is required: OPEN, PAUSED or CLOSED") CounterState state) {
    }

    public record CallRequest(@Size(max = 24, message = "must be at most 24 characters") String number, Long tokenId) {
    }

    /** Answer to a call by number while the database is away: shown on the boards, journaled later. */
    public record Relayed(String number, long counterId, java.time.Instant calledAt, boolean relayed) {
    }

    private final Facility facility;
    private final CounterViews views;
    private final CounterCommands commands;
    private final Calling calling;
    private final TokenViews tokenViews;
    private final SecurityIdentity staff;
    private final SystemMode mode;
    private final CallRelay relay;
    private final CommittedReadings readings;

    public CounterResource(Facility facility, CounterViews views, CounterCommands commands, Calling calling,
            TokenViews tokenViews, SecurityIdentity staff, SystemMode mode, CallRelay relay, CommittedReadings readings) {
        this.readings = readings;
        this.staff = staff;
        this.mode = mode;
        this.relay = relay;
        this.facility = facility;
        this.views = views;
        this.commands = commands;
        this.calling = calling;
        this.tokenViews = tokenViews;
    }

    @GET
    @Operation(summary = "Counters with their state, services and the token they hold")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CounterView.class)))
    public Response list() {
        return Response.ok(readings.json("counters",
                () -> Counter.listFor(facility.code()).stream().map(views::of).toList())).build();
    }

    @GET
    @Path("{counterId}")
    public CounterView get(@PathParam("counterId") long counterId) {
        return Counter.<Counter>findByIdOptional(counterId).filter(c -> facility.code().equals(c.facility))
                .map(views::of).orElseThrow(() -> ProblemException.notFound("Counter", counterId));
    }

    @PUT
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{counterId}/state")
    @Operation(summary = "Open, pause or close a counter")
    public CounterView changeState(@PathParam("counterId") long counterId,
            @Valid @NotNull(message = "is required") StateChange change) {
        return views.of(commands.changeState(counterId, change.state(), actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{counterId}/call-next")
    @Operation(summary = "Call the next token by the call policy: 200 with the token, 204 when nobody waits")
    public Response callNext(@PathParam("counterId") long counterId) {
        return calling.callNext(counterId, actor())
                .map(token -> Response.ok(tokenViews.of(token)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{counterId}/call")
    @Operation(summary = "Call a given token: body {\"number\": \"MED-042\"} or {\"tokenId\": 17}. "
            + "While the database is away, a call by number is relayed to the boards (202) and journaled later.")
    public Response call(@PathParam("counterId") long counterId,
            @Valid @NotNull(message = "is required") CallRequest request) {
        if (mode.degraded()) {
            // Paper-token mode: the boards still show the call; it is journaled when the database is back.
            CallRelay.RelayedCall relayed = relay.relay(counterId, request.number(), actor());
            return Response.accepted(new Relayed(relayed.number(), counterId, relayed.at(), true)).build();
        }
        return Response.ok(tokenViews.of(calling.call(counterId, request.number(), request.tokenId(), actor()))).build();
    }

    /** The logged-in staff member, recorded in the journal as the one who did it. */
    private String actor() {
        return staff.getPrincipal().getName();
    }
}
