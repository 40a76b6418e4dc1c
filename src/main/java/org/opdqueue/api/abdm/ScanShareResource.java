package org.opdqueue.api.abdm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import org.opdqueue.abdm.AbdmSettings;
import org.opdqueue.abdm.AbdmWire;
import org.opdqueue.abdm.GatewayKeys;
import org.opdqueue.abdm.ScanShareIntake;
import org.opdqueue.abdm.ShareLimits;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/**
 * The ABDM gateway's call when a patient scans a counter QR code: no staff log-in, so the gateway's signed JWT is
 * the credential. Answered 202 as soon as the token is issued; the token number goes back on the gateway's on-share
 * from the outbox, never on this request's thread.
 */
@Path(AbdmWire.SHARE_PATH)
@Tag(name = "ABDM Scan & Share")
public class ScanShareResource {

    private final ShareLimits limits;
    private final GatewayKeys keys;
    private final ScanShareIntake intake;

    public ScanShareResource(ShareLimits limits, GatewayKeys keys, ScanShareIntake intake) {
        this.limits = limits;
        this.keys = keys;
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "ABDM profile share (HIE-CM v3), called by the ABDM gateway",
            description = "Headers REQUEST-ID, TIMESTAMP, X-HIP-ID, X-CM-ID and Authorization: Bearer <gateway JWT, RS256, "
                    + "checked against the gateway's published keys>. Body intent, metaData{hipId, context = the service "
                    + "code on the counter QR}, profile{patient{abhaNumber, abhaAddress, name, gender, yearOfBirth, "
                    + "phoneNumber}}. 202 at once; the token number goes back on on-share. The same REQUEST-ID, or the same "
                    + "ABHA address for the same service within 30 minutes, gets the same token. 401 without a valid JWT, "
                    + "404 while Scan & Share is off, 400 naming a bad field, 429 beyond a source's limit.")
    public Response share(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AbdmWire.REQUEST_ID) String requestId, @HeaderParam(AbdmWire.HIP_ID) String hipId,
            @Context HttpServerRequest http, String body) {
        String source = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        limits.take(source);
        AbdmSettings.Snapshot settings = intake.enabledSettings().orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "ABDM Scan & Share is not enabled at this hospital"));
        keys.verify(authorization, settings.keysUrl());
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            throw ProblemException.invalid(AbdmWire.REQUEST_ID, "is required: the gateway's request id, at most 64 characters");
        }
        if (hipId != null && settings.hipId() != null && !settings.hipId().isBlank() && !hipId.strip().equals(settings.hipId())) {
            throw ProblemException.invalid(AbdmWire.HIP_ID, "is not this hospital's HIP id");
        }
        intake.accept(requestId.strip(), intake.read(body), source);
        return Response.accepted().build();
    }
}
