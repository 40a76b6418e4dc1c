package org.opdqueue.staff;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a password a staff member chooses (or the bootstrap administrator's) must be. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;

    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int MAX_BYTES = 72;

    /** Where a staff member changes their password; every staff page sends there while one must. */
    public static final String CHANGE_PAGE = "/account/password";

    private PasswordRules() {
    }

    /** What is wrong with the password, in words for the person choosing it; empty when it will do. */
    public static Optional<String> problemWith(String password) {
        String p = password == null ? "" : password;
        if (p.length() < MIN_LENGTH) {
            return Optional.of("At least " + MIN_LENGTH + " characters.");
        }
        if (p.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("At most " + MAX_BYTES + " bytes (about 70 letters).");
        }
        return Optional.empty();
    }
}
