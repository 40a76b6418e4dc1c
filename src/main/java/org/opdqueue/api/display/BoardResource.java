package org.opdqueue.api.display;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.Facility;
import org.opdqueue.display.Board;
import org.opdqueue.display.DisplaySnapshots;

@Path("/api/boards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Display boards")
public class BoardResource {

    public record BoardView(long id, String code, String name, String nameHi, List<String> serviceCodes,
            List<Long> counterIds) {
    }

    private final Facility facility;
    private final DisplaySnapshots snapshots;

    public BoardResource(Facility facility, DisplaySnapshots snapshots) {
        this.facility = facility;
        this.snapshots = snapshots;
    }

    @GET
    @Operation(summary = "Display boards with the services and counters each shows")
    public List<BoardView> boards() {
        Map<Long, String> codes = snapshots.serviceCodes();
        return Board.listFor(facility.code()).stream().map(b -> new BoardView(b.id, b.code, b.name, b.nameHi,
                b.serviceIds().stream().map(codes::get).sorted().toList(), b.counterIds())).toList();
    }
}
