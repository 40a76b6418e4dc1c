package org.opdqueue.api.display;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.display.DisplayMessage;
import org.opdqueue.display.DisplaySnapshots;

@Path("/api/display")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Display boards")
public class DisplayResource {

    private final DisplaySnapshots snapshots;

    public DisplayResource(DisplaySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    @Path("{boardId}")
    @Operation(summary = "A board's snapshot with its seq: what the WebSocket sends first")
    public DisplayMessage.Snapshot snapshot(@PathParam("boardId") long boardId) {
        return snapshots.snapshot(boardId);
    }
}
