package org.opdqueue.api.display;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.display.BoardKeys;
import org.opdqueue.staff.Role;

/** A board PC's key, which its boards show on their socket ({@code /board/1?device=<key>} once, then remembered). */
@Path("/api/board-pcs/{code}/key")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_ROLE)
@Tag(name = "Display boards")
public class BoardKeyResource {

    private final BoardKeys keys;

    public BoardKeyResource(BoardKeys keys) {
        this.keys = keys;
    }

    @POST
    @Operation(summary = "Enrol a board PC: a new key (shown once; the old one stops working and its boards are closed)")
    public BoardKeys.Issued issue(@PathParam("code") String code) {
        return keys.issue(code);
    }

    @DELETE
    @Operation(summary = "Revoke a board PC's key: its boards are closed and refused from now on")
    public Response revoke(@PathParam("code") String code) {
        keys.revoke(code);
        return Response.noContent().build();
    }
}
