package org.opdqueue.api.journal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.journal.JournalSealer;
import org.opdqueue.journal.JournalVerification;
import org.opdqueue.journal.JournalVerifier;
import org.opdqueue.staff.Role;

@Path("/api/admin/journal")
@Tag(name = "Journal")
@RolesAllowed(Role.ADMIN_ROLE)
public class JournalResource {

    private final JournalSealer sealer;
    private final JournalVerifier verifier;

    public JournalResource(JournalSealer sealer, JournalVerifier verifier) {
        this.sealer = sealer;
        this.verifier = verifier;
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Checks the journal's hash chain: OK with the count, or the first broken link",
            description = "Seals what has committed, then reads every entry in seq order and recomputes its content "
                    + "hash and its link to the entry before it. ok=false names brokenSeq and what differs there (an "
                    + "entry changed, removed or slipped in, or a hash changed). headSeq and headHash name the last "
                    + "sealed entry; kept somewhere else, they also show a later removal of the newest entries.")
    public JournalVerification verify() {
        sealer.seal();
        return verifier.verify();
    }
}
