package org.opdqueue.admin;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import org.opdqueue.common.Facility;
import org.opdqueue.device.Device;
import org.opdqueue.display.Board;
import org.opdqueue.display.BoardKeys;
import org.opdqueue.staff.Role;
import org.opdqueue.web.Refused;

/** A board PC's key from the devices page: shown once, with each board's address to open on that PC. */
@Path("/admin/devices/{id: [0-9]+}/board-key")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class AdminBoardKeys {

    /** A board's address with the key, for the board PC's Chromium. */
    public record Address(String board, String url) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance issued(String deviceCode, String key, List<Address> addresses);
    }

    private final Facility facility;
    private final BoardKeys keys;

    public AdminBoardKeys(Facility facility, BoardKeys keys) {
        this.facility = facility;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance issue(@PathParam("id") long id, @Context UriInfo uri) {
        BoardKeys.Issued issued = keys.issue(code(id));
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        List<Address> addresses = QuarkusTransaction.requiringNew().call(() -> Board.listFor(facility.code()).stream()
                .filter(b -> b.active)
                .map(b -> new Address(b.name, base + "/board/" + b.id + "?device=" + issued.key())).toList());
        return Templates.issued(issued.deviceCode(), issued.key(), addresses);
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") long id) {
        String code = code(id);
        keys.revoke(code);
        return Response.seeOther(URI.create("/admin/devices?saved=" + code)).build();
    }

    private String code(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Device.findInFacility(facility.code(), id)
                .map(d -> d.code).orElseThrow(NotFoundException::new));
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
