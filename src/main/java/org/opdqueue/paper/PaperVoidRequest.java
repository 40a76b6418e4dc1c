package org.opdqueue.paper;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A spoiled slip (torn, misprinted, written on by mistake) taken out of use, with why. */
public record PaperVoidRequest(
        @NotBlank(message = "is required") @Size(max = 24, message = "must be at most 24 characters") String number,
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String reason) {
}
