package org.opdqueue.appointment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.opdqueue.common.Problem;

/**
 * One appointment as any import format gives it, checked field by field. {@code where} names the row in the
 * caller's terms ({@code row 3}, {@code appointments[2]}, {@code entry[1].resource}) so a refusal can point at it.
 */
public record AppointmentRow(String where, String number, String serviceCode, Instant slotStart, String patientName,
        String mobile, String patientRef, boolean cancelled, String numberField, String serviceField) {

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9/_.-]{1,64}");
    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");

    /** Builds a row from raw text, adding a field error for each field that is wrong (and then returning null). */
    static AppointmentRow read(String where, Fields f, ZoneId zone, List<Problem.FieldError> errors) {
        int before = errors.size();
        String number = strip(f.number());
        if (number == null) {
            errors.add(new Problem.FieldError(where + f.numberField(), "is required"));
        } else if (!NUMBER.matcher(number).matches()) {
            errors.add(new Problem.FieldError(where + f.numberField(),
                    "must be 1 to 64 letters, digits, '/', '_', '.' or '-'"));
        }
        String service = strip(f.service());
        if (service == null) {
            errors.add(new Problem.FieldError(where + f.serviceField(), "is required: a service code"));
        }
        Instant slot = null;
        String start = strip(f.start());
        if (start == null) {
            errors.add(new Problem.FieldError(where + f.startField(), "is required"));
        } else {
            slot = instant(start, zone);
            if (slot == null) {
                errors.add(new Problem.FieldError(where + f.startField(),
                        "must be a date and time such as 2026-11-30T10:30:00+05:30 or 2026-11-30 10:30"));
            }
        }
        String name = strip(f.name());
        if (name != null && (name.length() > 100 || name.chars().anyMatch(Character::isISOControl))) {
            errors.add(new Problem.FieldError(where + f.nameField(), "must be at most 100 characters, no control characters"));
        }
        String mobile = mobileDigits(strip(f.mobile()));
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            errors.add(new Problem.FieldError(where + f.mobileField(),
                    "must be a 10-digit mobile number starting with 6, 7, 8 or 9"));
        }
        String ref = strip(f.patientRef());
        if (ref != null && ref.length() > 100) {
            errors.add(new Problem.FieldError(where + f.patientRefField(), "must be at most 100 characters"));
        }
        Boolean cancelled = cancelled(strip(f.status()));
        if (cancelled == null) {
            errors.add(new Problem.FieldError(where + f.statusField(), "must be booked or cancelled"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new AppointmentRow(where, number, service.toUpperCase(), slot, name, mobile, ref, cancelled, f.numberField(),
                f.serviceField());
    }

    /** The raw fields of one row, with the name each has in its format (for the error). */
    record Fields(String number, String numberField, String service, String serviceField, String start,
            String startField, String name, String nameField, String mobile, String mobileField, String patientRef,
            String patientRefField, String status, String statusField) {
    }

    /** FHIR's statuses folded into the two that matter here; null for one that means neither. */
    private static Boolean cancelled(String status) {
        if (status == null) {
            return false;
        }
        return switch (status.toLowerCase()) {
            case "booked", "pending", "proposed", "arrived", "checked-in" -> false;
            case "cancelled", "canceled", "entered-in-error" -> true;
            default -> null;
        };
    }

    /** An instant with an offset as given, or a local date-time in the hospital's zone. */
    private static Instant instant(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** +91 98765 43210, 098765-43210 and 9876543210 are one mobile. */
    private static String mobileDigits(String mobile) {
        if (mobile == null) {
            return null;
        }
        String digits = mobile.replaceAll("[\\s-]", "");
        if (digits.startsWith("+91")) {
            digits = digits.substring(3);
        } else if (digits.length() == 11 && digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return digits;
    }

    private static String strip(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
