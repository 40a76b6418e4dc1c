package org.opdqueue.outage;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "Recorded DEGRADED (paper-token) periods, newest first, with the tokens issued during each per channel",
            description = "Each outage: start, end (exclusive), length in seconds, cause as far as known, calls relayed to "
                    + "the boards, and per channel the tokens whose issue time falls in [startedAt, endedAt), offline kiosk "
                    + "and paper tokens merged later included. An outage is recorded when the database is back; while it "
                    + "is away this answers 503 degraded like every database-bound request, and GET /api/status tells "
                    + "since when.")
    public List<OutageHistory.Period> list() {
        return history.all();
    }
}
