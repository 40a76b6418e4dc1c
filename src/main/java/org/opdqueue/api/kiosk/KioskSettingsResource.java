package org.opdqueue.api.kiosk;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.OpdConfig;

/** What the hospital chose for its kiosks' screens: set in configuration (opd.kiosk.*), read by every kiosk. */
@Path("/api/kiosk-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Services")
public class KioskSettingsResource {

    /** {@code askDetails}: a details and a confirm screen before the slip; {@code audio}: spoken prompts. */
    public record KioskSettings(boolean askDetails, boolean audio) {
    }

    private final KioskSettings settings;

    public KioskSettingsResource(OpdConfig config) {
        this.settings = new KioskSettings(config.kiosk().askDetails(), config.kiosk().audio());
    }

    @GET
    @Operation(summary = "The kiosk's screens as the hospital set them: whether to ask for patient details, spoken prompts")
    public KioskSettings settings() {
        return settings;
    }
}
