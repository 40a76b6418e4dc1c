package org.opdqueue.api.console;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.console.ActionResult;
import org.opdqueue.console.OfflineAction;
import org.opdqueue.console.OfflineActionReplay;
import org.opdqueue.outage.CallRelay;
import org.opdqueue.staff.Role;

@Path("/api/counters/{counterId}/offline-actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Counters")
public class OfflineActionsResource {

    /** A console's outbox, oldest first, and the console's clock when it sent it (to correct a clock that is off). */
    public record Outbox(Instant sentAt,
            @NotNull(message = "is required") @Size(max = 500, message = "at most 500 actions per request")
            List<@Valid @NotNull(message = "is required") OfflineAction> actions) {
    }

    public record Answer(List<ActionResult> results) {
    }

    private final OfflineActionReplay replay;
    private final CallRelay relay;
    private final SecurityIdentity staff;

    public OfflineActionsResource(OfflineActionReplay replay, CallRelay relay, SecurityIdentity staff) {
        this.replay = replay;
        this.relay = relay;
        this.staff = staff;
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Operation(summary = "Replay what a counter console did offline: calls, completes and no-shows by number, in order",
            description = "Per action, in request order: applied, duplicate (already applied: safe to drop from the "
                    + "outbox) or refused with a reason (final). Sending the same outbox again changes nothing.")
    public Answer replay(@PathParam("counterId") long counterId, @Valid @NotNull(message = "is required") Outbox outbox) {
        if (!relay.allWritten()) {
            // Calls relayed during the outage go into the journal first, or a complete could overtake its call.
            throw new ProblemException(ProblemType.DEGRADED,
                    "Calls made during the database outage are still being recorded; send again in a moment.");
        }
        return new Answer(replay.replay(counterId, outbox.sentAt(), outbox.actions(), staff.getPrincipal().getName()));
    }
}
