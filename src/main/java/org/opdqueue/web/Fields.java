package org.opdqueue.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads form fields, which always arrive as text, and says what is wrong with them in words a clerk
 * understands. Each method records a message and returns null when the value is unusable.
 */
public final class Fields {

    private final FieldErrors errors;

    public Fields(FieldErrors errors) {
        this.errors = errors;
    }

    public static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    public String required(String field, String value, int max) {
        String v = trim(value);
        if (v.isEmpty()) {
            errors.add(field, "Required.");
            return null;
        }
        if (v.length() > max) {
            errors.add(field, "At most " + max + " characters.");
            return null;
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            errors.add(field, "Must not contain control characters.");
            return null;
        }
        return v;
    }

    public String optional(String field, String value, int max) {
        String v = trim(value);
        if (v.isEmpty()) {
            return null;
        }
        return required(field, v, max);
    }

    /** A code such as MED or R01: upper-case letters and digits. */
    public String code(String field, String value, int max) {
        String v = required(field, value, max);
        if (v == null) {
            return null;
        }
        v = v.toUpperCase();
        if (!Pattern.matches("[A-Z0-9]+", v)) {
            errors.add(field, "Only letters A–Z and digits 0–9, no spaces.");
            return null;
        }
        return v;
    }

    /** A code such as SENIOR_CITIZEN: upper-case letters, digits and underscores. */
    public String underscoredCode(String field, String value, int max) {
        String v = required(field, value, max);
        if (v == null) {
            return null;
        }
        v = v.toUpperCase();
        if (!Pattern.matches("[A-Z0-9_]+", v)) {
            errors.add(field, "Only letters A–Z, digits 0–9 and _, no spaces.");
            return null;
        }
        return v;
    }

    public Integer number(String field, String value, int min, int max) {
        String v = trim(value);
        if (v.isEmpty()) {
            errors.add(field, "Required.");
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                errors.add(field, "Must be between " + min + " and " + max + ".");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(field, "Must be a whole number.");
            return null;
        }
    }

    public LocalTime time(String field, String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            errors.add(field, "Required.");
            return null;
        }
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(field, "Must be a time such as 08:00.");
            return null;
        }
    }

    public static boolean checked(String value) {
        return value != null && !value.isBlank() && !"false".equals(value);
    }
}
