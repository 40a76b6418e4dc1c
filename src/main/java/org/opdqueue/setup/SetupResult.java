package org.opdqueue.setup;

import java.util.List;

/**
 * What an import did, or (dry run) would do. Entries the file does not name are left as they are: an import never
 * deletes. {@code needsPassword}: staff in the file who cannot log in until an admin sets a password.
 */
public record SetupResult(String facility, boolean dryRun, List<SetupChange> changes, List<String> needsPassword,
        String note) {

    static final String NOTE = "Entries not in the file were left as they are; an import never deletes. "
            + "Staff created from a file have no password: set one on /admin/staff before they can log in.";
}
