package org.opdqueue.api.display;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.display.DisplayMessage;
import org.opdqueue.display.DisplaySnapshots;
import org.opdqueue.display.SnapshotReads;
import org.opdqueue.reads.CommittedReadings;

@Path("/api/display")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Display boards")
public class DisplayResource {

    private final DisplaySnapshots snapshots;
    private final CommittedReadings readings;
    private final HospitalClock clock;
    private final SnapshotReads limits;

    public DisplayResource(DisplaySnapshots snapshots, CommittedReadings readings, HospitalClock clock, SnapshotReads limits) {
        this.snapshots = snapshots;
        this.readings = readings;
        this.clock = clock;
        this.limits = limits;
    }

    @GET
    @Path("{boardId}")
    @Operation(summary = "A board's snapshot with its seq: what the WebSocket sends first",
            description = "429 with Retry-After beyond opd.display.snapshots-per-address-per-minute from one address.")
    public DisplayMessage.Snapshot snapshot(@PathParam("boardId") long boardId, @Context HttpServerRequest http) {
        limits.take(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        return readings.<DisplayMessage.Snapshot>get("display:" + boardId, () -> snapshots.snapshot(boardId))
                .toldAt(clock.now());
    }
}
