package org.opdqueue.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import org.opdqueue.common.Facility;
import org.opdqueue.display.DisplaySnapshots;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;
import org.opdqueue.web.Refused;

/** Services (departments): names in both languages, token prefix, hours and call policy. */
@Path("/admin/services")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminServices {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ServicePoint> services, String saved);

        static native TemplateInstance form(Long id, ServiceForm form, FieldErrors errors);
    }

    private final Facility facility;
    private final DisplaySnapshots snapshots;

    public AdminServices(Facility facility, DisplaySnapshots snapshots) {
        this.facility = facility;
        this.snapshots = snapshots;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.list(ServicePoint.list("facility = ?1 order by active desc, code", facility.code()), saved);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance create() {
        return Templates.form(null, ServiceForm.blank(), FieldErrors.none());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        return Templates.form(id, ServiceForm.of(find(id)), FieldErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@BeanParam ServiceForm form) {
        return save(null, form);
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @BeanParam ServiceForm form) {
        form.code = find(id).code; // the code is fixed once tokens carry it
        return save(id, form);
    }

    /** One transaction: the service and (when new) its queue row are saved together or not at all. */
    private Response save(Long id, ServiceForm form) {
        FieldErrors errors = FormSave.run(() -> {
            ServicePoint s = id == null ? new ServicePoint() : find(id);
            FieldErrors found = form.applyTo(s, id == null);
            if (found.isEmpty() && id == null) {
                s.facility = facility.code();
                s.persistWithQueue();
            }
            return found;
        }, Map.of("uk_service_code", new FormSave.Taken("code", "Another service already has this code."),
                "uk_service_prefix", new FormSave.Taken("prefix", "Another service already uses this prefix.")));
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.form(id, form, errors)).build();
        }
        snapshots.forgetNames();
        return Response.seeOther(URI.create("/admin/services?saved=" + form.code.strip().toUpperCase())).build();
    }

    private ServicePoint find(long id) {
        ServicePoint s = ServicePoint.findById(id);
        if (s == null || !facility.code().equals(s.facility)) {
            throw new NotFoundException();
        }
        return s;
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
