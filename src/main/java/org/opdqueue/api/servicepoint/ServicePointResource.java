package org.opdqueue.api.servicepoint;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.Facility;
import org.opdqueue.queue.QueueReads;
import org.opdqueue.queue.WaitEstimates;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Services")
public class ServicePointResource {

    public record Name(String en, String hi) {
    }

    /** {@code roomHintHi}: the "where" in Hindi, or null; {@code pictogram}: which kiosk picture to draw, or null. */
    public record ServiceView(String code, Name name, String prefix, String roomHint, LocalTime opensAt,
            LocalTime closesAt, int priorityInterleave, long waiting, int openCounters, long estimatedWaitMinutes,
            String roomHintHi, String pictogram) {
    }

    /** {@code icon}: which of the kiosk's pictures to draw, or null for none. */
    public record CategoryView(String code, Name name, boolean priority, String icon) {
    }

    private final Facility facility;
    private final WaitEstimates estimates;
    private final QueueReads reads;
    private final CommittedReadings readings;

    public ServicePointResource(Facility facility, WaitEstimates estimates, QueueReads reads,
            CommittedReadings readings) {
        this.facility = facility;
        this.estimates = estimates;
        this.reads = reads;
        this.readings = readings;
    }

    @GET
    @Path("services")
    @Operation(summary = "Active services, in the admin's kiosk order, with waiting count, open counters and the wait a new token would face")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceView.class)))
    public Response services() {
        return Response.ok(readings.json("services", this::readServices)).build();
    }

    private List<ServiceView> readServices() {
        Map<Long, Long> waiting = reads.waitingCounts();
        return ServicePoint.activeInKioskOrder(facility.code()).stream()
                .map(s -> {
                    long w = waiting.getOrDefault(s.id, 0L);
                    return new ServiceView(s.code, new Name(s.nameEn, s.nameHi), s.tokenPrefix, s.roomHint, s.opensAt,
                            s.closesAt, s.priorityInterleave, w, estimates.openCounters(s), estimates.waitForNewcomer(s, w),
                            blankAsNull(s.roomHintHi), s.pictogram);
                }).toList();
    }

    @GET
    @Path("priority-categories")
    @Operation(summary = "Priority categories a patient can declare now (the active ones, in the admin's order)")
    public List<CategoryView> categories() {
        return PriorityCategory.offeredIn(facility.code()).stream()
                .map(c -> new CategoryView(c.code, new Name(c.nameEn, c.nameHi), c.priority, c.icon)).toList();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
