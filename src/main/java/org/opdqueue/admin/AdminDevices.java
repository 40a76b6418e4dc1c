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
import org.opdqueue.device.Device;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;
import org.opdqueue.web.Refused;

/** Kiosks and board PCs. Their credentials come with device enrolment; here they are named and switched off. */
@Path("/admin/devices")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminDevices {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Device> devices, String saved);

        static native TemplateInstance form(Long id, DeviceForm form, FieldErrors errors);
    }

    private final Facility facility;

    public AdminDevices(Facility facility) {
        this.facility = facility;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.list(Device.listFor(facility.code()), saved);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance create() {
        return Templates.form(null, DeviceForm.blank(), FieldErrors.none());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        return Templates.form(id, DeviceForm.of(find(id)), FieldErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@BeanParam DeviceForm form) {
        return save(null, form);
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @BeanParam DeviceForm form) {
        form.code = find(id).code;
        return save(id, form);
    }

    private Response save(Long id, DeviceForm form) {
        FieldErrors errors = FormSave.run(() -> {
            Device d = id == null ? new Device() : find(id);
            FieldErrors found = form.applyTo(d, id == null);
            if (found.isEmpty() && id == null) {
                d.facility = facility.code();
                d.persist();
            }
            return found;
        }, Map.of("uk_device_code", new FormSave.Taken("code", "Another device already has this code.")));
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.form(id, form, errors)).build();
        }
        return Response.seeOther(URI.create("/admin/devices?saved=" + form.code.strip().toUpperCase())).build();
    }

    private Device find(long id) {
        return Device.findInFacility(facility.code(), id).orElseThrow(NotFoundException::new);
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
