package org.opdqueue.paper;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opdqueue.token.PatientDetails;

/**
 * A used paper slip as a clerk enters it back: its number, roughly when it was handed out, what was written on
 * the counterfoil, and whether the patient was already seen during the outage. {@code requestId} is optional; a
 * retried request with the same id gets its own token back instead of "duplicate".
 */
public record PaperEntryRequest(
        UUID requestId,
        @NotBlank(message = "is required") @Size(max = 24, message = "must be at most 24 characters") String number,
        @NotNull(message = "is required: roughly when the slip was handed out") Instant issuedAt,
        @Size(max = 24, message = "must be at most 24 characters") String priority,
        Boolean seen,
        @Valid PatientDetails patient) {
}
