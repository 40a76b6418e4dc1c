package org.opdqueue.api.outage;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.outage.OutageHistory;
import org.opdqueue.staff.Role;

@Path("/api/outages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outages")
public class OutageResource {

    private final OutageHistory history;

    public OutageResource(OutageHistory history) {
        this.history = history;
    }

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Recorded outages of the database (paper-token mode) and of the server, newest first, with the "
            + "tokens issued during each per channel",
            description = "Each outage: what was down (kind DATABASE or SERVER), start, end (exclusive), length in seconds, "
                    + "cause as far as known, calls relayed to the boards, and per channel the tokens whose issue time "
                    + "falls in [startedAt, endedAt), offline kiosk and paper tokens merged later included. A database "
                    + "outage is recorded when the database is back; while it is away this answers 503 degraded like "
                    + "every database-bound request, and GET /api/status tells since when. A server outage (not running, "
                    + "stopped, or frozen) is recorded from the server's heartbeat when it runs again.")
    public List<OutageHistory.Period> list() {
        return history.all();
    }
}
