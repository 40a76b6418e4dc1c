package org.opdqueue.api.status;

import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.archive.ArchiveShipper;
import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.limits.Limits;
import org.opdqueue.nodes.FanOut;
import org.opdqueue.status.Mode;
import org.opdqueue.status.SystemMode;

@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status")
public class StatusResource {

    /**
     * {@code dayStartsAt} ("HH:MM", or "HH:MM:SS"): when the business day rolls over in {@code timeZone}; an offline
     * kiosk works out the business day from it with what it last heard (kiosk-ui/numbers.js).
     */
    public record StatusView(String facility, String hospitalName, Mode mode, java.time.Instant since,
            boolean databaseReachable, String cause, LocalDate businessDay, String timeZone, String fanOut,
            String dayStartsAt, String limits, String archiveShipper) {
    }

    private final SystemMode mode;
    private final Facility facility;
    private final HospitalClock clock;
    private final OpdConfig config;
    private final FanOut fanOut;
    private final Limits limits;
    private final ArchiveShipper archive;

    public StatusResource(SystemMode mode, Facility facility, HospitalClock clock, OpdConfig config, FanOut fanOut,
            Limits limits, ArchiveShipper archive) {
        this.mode = mode;
        this.facility = facility;
        this.clock = clock;
        this.config = config;
        this.fanOut = fanOut;
        this.limits = limits;
        this.archive = archive;
    }

    @GET
    @Operation(summary = "System mode (NORMAL or DEGRADED paper-token mode), since when, whether the database answers, "
            + "and how this node hears of the other nodes' calls (fanOut: redis, or polling the journal), where the limits on issuing and log-in are kept (limits: redis, "
            + "shared by all nodes; local, one node; or \"local, Redis down\"); "
            + "archiveShipper: the node that ships the journal archive (null where it is off on this node)")
    public StatusView status() {
        SystemMode.State state = mode.current();
        return new StatusView(facility.code(), facility.name(), state.mode(), state.since(), state.databaseReachable(),
                state.cause(), clock.businessDay(), config.facility().timeZone().getId(), fanOut.way(),
                config.facility().dayStartsAt().toString(), limits.way().toString(), archive.status().shipper());
    }
}
