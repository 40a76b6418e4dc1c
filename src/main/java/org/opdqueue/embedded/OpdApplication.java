package org.opdqueue.embedded;

import java.io.File;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import org.opdqueue.setup.SetupCli;

/**
 * Entry point. With the {@code demo} profile (or {@code opd.embedded-db.enabled=true}) it first starts an
 * embedded MariaDB, so one command brings up the whole system on a machine that has only a JDK.
 */
@QuarkusMain
public class OpdApplication {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("setup")) {
            SetupCli.main(args); // an operator's command on the configured database; starts no embedded one
            return;
        }
        if (setting("opd.embedded-db.enabled", "false").equals("true")
                || setting("quarkus.profile", "prod").equals("demo")) {
            int port = Integer.parseInt(setting("opd.embedded-db.port", "3307"));
            File dataDir = new File(setting("opd.embedded-db.data-dir", "data/mariadb"));
            File baseDir = new File(setting("opd.embedded-db.base-dir", "data/mariadb-server"));
            String[] serverArgs = setting("opd.embedded-db.server-args", "").isBlank() ? new String[0]
                    : setting("opd.embedded-db.server-args", "").split(",");
            EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, baseDir, port, "opd", serverArgs);
            Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "embedded-mariadb-stop"));
        }
        Quarkus.run(args);
    }

    /** Read before Quarkus (and its configuration) starts: system property, then environment variable. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
