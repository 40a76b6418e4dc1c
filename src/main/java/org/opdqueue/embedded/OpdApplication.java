package org.opdqueue.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import org.opdqueue.archive.ArchiveCli;
import org.opdqueue.archive.RestoreCli;
import org.opdqueue.journal.JournalCli;
import org.opdqueue.setup.SetupCli;

/**
 * Entry point. With the {@code demo} profile (or {@code opd.embedded-db.enabled=true}) it first starts an
 * embedded MariaDB, so one command brings up the whole system on a machine that has only a JDK.
 */
@QuarkusMain
public class OpdApplication {

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals(RestoreCli.ONLY)) {
            System.exit(RestoreCli.main(args)); // the restore's own JVM, on the database the parent started
        }
        if (args.length > 0 && args[0].equals("setup")) {
            SetupCli.main(args); // an operator's command on the configured database; starts no embedded one
            return;
        }
        if (args.length > 0 && args[0].equals("journal")) {
            JournalCli.main(args); // read only, on the configured database
            return;
        }
        if (args.length > 0 && args[0].equals("archive")) {
            System.exit(ArchiveCli.run(java.util.List.of(args), System.out, System.err)); // needs no database
        }
        StartUpClasses.begin();
        StartUpWarming.begin();
        DemoDatabaseSettings database = DemoDatabaseSettings.fromEnvironment();
        if (database.enabled()) {
            EmbeddedMariaDb.startForDemo(database);
        }
        if (args.length > 0 && args[0].equals("restore")) {
            int restored = RestoreCli.inChildProcess(args); // into the configured, empty database; then the server starts on it
            if (restored != 0) {
                System.exit(restored);
            }
            args = new String[0];
        }
        Quarkus.run(args);
    }
}
