package org.opdqueue.offline;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opdqueue.token.PatientDetails;

/** One token a kiosk issued while offline, as it sends it back. {@code issuedAt} is the kiosk's own clock. */
public record OfflineToken(
        @NotNull(message = "is required") UUID requestId,
        @NotBlank(message = "is required") @Size(max = 16) String serviceCode,
        @Size(max = 24) String priority,
        @NotBlank(message = "is required") @Size(max = 24) String offlineNumber,
        @NotNull(message = "is required") Instant issuedAt,
        @Valid PatientDetails patient) {
}
