package org.opdqueue.archive;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.opdqueue.support.EmptyDatabaseResource;

/**
 * A database of its own for the archive tests (they empty it, as a lost server leaves a new one empty), on the
 * shared test MariaDB, with the demo hospital seeded so that its staff and kiosk can be restored.
 */
public class ArchiveDatabaseResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "opd_archive";

    @Override
    public Map<String, String> start() {
        return EmptyDatabaseResource.databaseOfItsOwn(DATABASE);
    }

    @Override
    public void stop() {
        // the server is shared with the other test classes and stops with the JVM
    }
}
