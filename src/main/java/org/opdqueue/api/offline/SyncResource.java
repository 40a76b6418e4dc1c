package org.opdqueue.api.offline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.device.Device;
import org.opdqueue.offline.DeviceCredentials;
import org.opdqueue.offline.OfflineSync;
import org.opdqueue.offline.OfflineToken;
import org.opdqueue.offline.SyncResult;

@Path("/api/sync/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offline kiosks")
public class SyncResource {

    /** A kiosk's outbox: the tokens, and the kiosk's clock when it sent them (to correct a clock that is off). */
    public record Batch(Instant sentAt,
            @NotNull(message = "is required") @Size(max = 5000, message = "at most 5000 tokens per batch")
            List<@Valid @NotNull OfflineToken> tokens) {
    }

    public record Answer(List<SyncResult> results) {
    }


    private final DeviceCredentials credentials;
    private final OfflineSync sync;

    public SyncResource(DeviceCredentials credentials, OfflineSync sync) {
        this.credentials = credentials;
        this.sync = sync;
    }

    @POST
    @Operation(summary = "Merge tokens a kiosk issued offline, each exactly once",
            description = "Per item: created, duplicate (already merged: safe to drop from the outbox) or rejected "
                    + "with a reason. Needs the kiosk's credential: Authorization: Device <code>.<secret>")
    public Answer merge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull(message = "is required") Batch batch) {
        Device kiosk = credentials.authenticate(authorization);
        return new Answer(sync.merge(kiosk, batch.sentAt(), batch.tokens()));
    }
}
