package org.opdqueue.api.setup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.setup.SetupExport;
import org.opdqueue.setup.SetupFiles;
import org.opdqueue.setup.SetupImport;
import org.opdqueue.setup.SetupResult;
import org.opdqueue.staff.Role;

@Path("/api/admin/setup")
@Tag(name = "Set-up")
@RolesAllowed(Role.ADMIN_ROLE)
public class SetupResource {

    private final SetupExport export;
    private final SetupImport importer;
    private final SetupFiles files;
    private final Facility facility;
    private final SecurityIdentity admin;

    public SetupResource(SetupExport export, SetupImport importer, SetupFiles files, Facility facility,
            SecurityIdentity admin) {
        this.export = export;
        this.importer = importer;
        this.files = files;
        this.facility = facility;
        this.admin = admin;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The hospital's set-up as one file: categories, services, counters, boards, devices, staff",
            description = "Natural keys only (codes, user names), never database ids; no password hashes and no device "
                    + "credentials. Counter state is runtime, not set-up, and is left out.")
    public Response export() {
        return Response.ok(files.write(export.export()))
                .header("Content-Disposition", "attachment; filename=\"setup-" + facility.code() + ".json\"").build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Applies a set-up file: creates and updates by code, never deletes",
            description = "Idempotent: the same file again lists no changes. A field left out keeps its value; an entry "
                    + "left out is left alone (switch one off with active=false). A file with any fault is refused whole "
                    + "(400, every fault at its JSON path) and nothing is applied. dryRun=true lists the changes without "
                    + "applying them. Staff created from a file have no password until an admin sets one.")
    public SetupResult apply(byte[] file, @QueryParam("dryRun") boolean dryRun) {
        return importer.apply(files.read(file), dryRun, admin.getPrincipal().getName());
    }
}
