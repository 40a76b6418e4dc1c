package org.opdqueue.api.offline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.device.Device;
import org.opdqueue.offline.DeviceCredentials;
import org.opdqueue.offline.OfflineNumbers;
import org.opdqueue.staff.Role;

@Path("/api/devices/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offline kiosks")
public class DeviceResource {

    public record ReserveRequest(@NotBlank(message = "is required") String serviceCode,
            @NotNull(message = "is required") Integer count) {
    }

    private final DeviceCredentials credentials;
    private final OfflineNumbers numbers;

    public DeviceResource(DeviceCredentials credentials, OfflineNumbers numbers) {
        this.credentials = credentials;
        this.numbers = numbers;
    }

    @POST
    @Path("credential")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Enrol a kiosk: a new credential (shown once; the old one stops working) and its number series")
    public DeviceCredentials.Issued issueCredential(@PathParam("code") String code) {
        return credentials.issue(code);
    }

    @DELETE
    @Path("credential")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Revoke a kiosk's credential")
    public Response revokeCredential(@PathParam("code") String code) {
        credentials.revoke(code);
        return Response.noContent().build();
    }

    @POST
    @Path("reserve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A block of offline numbers in the kiosk's own series, for one service today",
            description = "Needs the kiosk's credential: Authorization: Device <code>.<secret>")
    public OfflineNumbers.Block reserve(@PathParam("code") String code,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull(message = "is required") ReserveRequest request) {
        Device kiosk = credentials.authenticate(authorization);
        if (!kiosk.code.equals(code)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A kiosk reserves numbers for itself only");
        }
        credentials.online(kiosk);
        return numbers.reserve(kiosk, request.serviceCode(), request.count());
    }
}
