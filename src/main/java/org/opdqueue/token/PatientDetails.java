package org.opdqueue.token;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Optional, minimal details; never shown on boards or the patient's status page. */
public record PatientDetails(
        @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name,
        @Min(value = 0, message = "must be between 0 and 120") @Max(value = 120, message = "must be between 0 and 120")
        Integer age,
        Sex sex,
        @Pattern(regexp = "[6-9][0-9]{9}", message = "must be a 10-digit mobile number starting with 6, 7, 8 or 9")
        String mobile,
        @Pattern(regexp = "[0-9]{2}-?[0-9]{4}-?[0-9]{4}-?[0-9]{4}", message = "must be a 14-digit ABHA number")
        String abha,
        @Pattern(regexp = "[A-Za-z0-9/-]{1,30}", message = "must be 1 to 30 letters, digits, '/' or '-'")
        String uhid,
        /** The patient agreed to be messaged on {@link #mobile} when their turn nears and when called (issue 17). */
        Boolean notifyConsent,
        /** The language of those messages: the one the patient took the token in. */
        @Pattern(regexp = "en|hi", message = "must be en or hi") String language) {

    /** Details without a consent to be messaged. */
    public PatientDetails(String name, Integer age, Sex sex, String mobile, String abha, String uhid) {
        this(name, age, sex, mobile, abha, uhid, null, null);
    }

    /** Consent counts only with a mobile number to message. */
    public boolean consentsToMessages() {
        return Boolean.TRUE.equals(notifyConsent) && mobile != null && !mobile.isBlank();
    }

    /** The ABHA number as its 14 digits, whatever hyphens the patient typed. */
    public String abhaDigits() {
        return abha == null ? null : abha.replace("-", "");
    }

    public String trimmedName() {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
