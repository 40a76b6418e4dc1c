package org.opdqueue.admin;

import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.outage.OutageHistory;
import org.opdqueue.staff.Role;
import org.opdqueue.token.Channel;
import org.opdqueue.web.Refused;

/** Every period in paper-token mode, and the one going on now; the latter is shown without the database. */
@Path("/admin/outages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class AdminOutages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(OutageHistory.Ongoing ongoing, List<OutageHistory.Period> outages,
                List<Channel> channels, ZoneId zone);
    }

    private final OutageHistory history;
    private final ZoneId zone;

    public AdminOutages(OutageHistory history, OpdConfig config) {
        this.history = history;
        this.zone = config.facility().timeZone();
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        List<Channel> channels = List.of(Channel.values());
        OutageHistory.Ongoing ongoing = history.ongoing().orElse(null);
        // the record is in the database: while an outage goes on, only what the server holds in memory is shown
        return Templates.list(ongoing, ongoing == null ? history.all() : List.of(), channels, zone);
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
