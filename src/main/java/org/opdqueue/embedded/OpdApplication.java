package org.opdqueue.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. With the {@code demo} profile (or {@code opd.embedded-db.enabled=true}) it first starts an
 * embedded MariaDB, so one command brings up the whole system on a machine that has only a JDK.
 */
@QuarkusMain
public class OpdApplication {

    public static void main(String... args) {
        DemoDatabaseSettings database = DemoDatabaseSettings.fromEnvironment();
        if (database.enabled()) {
            EmbeddedMariaDb.startForDemo(database);
        }
        Quarkus.run(args);
    }
}
