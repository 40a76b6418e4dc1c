package org.opdqueue.api.offline;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.ProblemException;
import org.opdqueue.offline.OfflineRefusals;
import org.opdqueue.staff.Role;

@Path("/api/offline-refusals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offline kiosks")
public class OfflineRefusalResource {

    /** More than any hospital has: a console asks for the services of one counter. */
    static final int MAX_SERVICES = 100;

    private final OfflineRefusals refusals;

    public OfflineRefusalResource(OfflineRefusals refusals) {
        this.refusals = refusals;
    }

    @GET
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Operation(summary = "Offline kiosk slips the merge refused and nobody has acknowledged yet, oldest first",
            description = "Each is a patient holding a printed slip that is in no queue. service=MED (repeatable) keeps "
                    + "those of the given services, as a counter's console asks; without it, every service. An admin "
                    + "acknowledges them on the dashboard (/admin). At most 200, oldest first; more than 100 service codes is a 400.")
    public List<OfflineRefusals.Refused> open(@QueryParam("service") List<String> services) {
        if (services.size() > MAX_SERVICES) {
            throw ProblemException.invalid("service", "at most " + MAX_SERVICES + " services at once");
        }
        return refusals.open(services.stream().map(s -> s.strip().toUpperCase()).filter(s -> !s.isEmpty()).distinct()
                .toList());
    }
}
