package org.opdqueue.setup;

import java.util.List;

/**
 * Applies each entry of a set-up file in the caller's transaction, through the admin form of its kind, so that a
 * file is held to exactly the rules a person typing into the admin pages is held to. Dependencies first: services
 * before the counters that call from them, counters before the boards that show them. What it changes is listed;
 * an entry whose fields are already so changes nothing.
 */
final class SetupApplier {

    /** How each kind applies one entry of the file, found at {@code path} ({@code counters[2]}). */
    interface EntryImport<T> {
        void apply(String path, T entry);
    }

    private final ImportRun run;
    private final StaffImport staff;

    SetupApplier(ImportRun run) {
        this.run = run;
        this.staff = new StaffImport(run);
    }

    /** Codes are compared as the forms store them: trimmed, upper case. Null when there is none. */
    static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase();
    }

    static String username(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase();
    }

    List<SetupChange> changes() {
        return run.changes();
    }

    List<String> needsPassword() {
        return staff.needsPassword();
    }

    void apply(SetupDocument doc) {
        each("categories", doc.categoriesOrNone(), new CategoryImport(run));
        each("services", doc.servicesOrNone(), new ServiceImport(run));
        each("counters", doc.countersOrNone(), new CounterImport(run));
        each("boards", doc.boardsOrNone(), new BoardImport(run));
        each("devices", doc.devicesOrNone(), new DeviceImport(run));
        each("staff", doc.staffOrNone(), staff);
    }

    private <T> void each(String section, List<T> entries, EntryImport<T> kind) {
        for (int i = 0; i < entries.size(); i++) {
            String path = section + "[" + i + "]";
            if (entries.get(i) == null) {
                run.fault(path, "Must be an object, not null.");
            } else {
                kind.apply(path, entries.get(i));
            }
        }
    }
}
