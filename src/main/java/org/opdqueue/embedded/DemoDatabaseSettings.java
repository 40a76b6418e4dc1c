package org.opdqueue.embedded;

import java.io.File;
import java.util.Arrays;
import java.util.List;

/**
 * Whether and where the demo runs its embedded MariaDB. Read before Quarkus (and its configuration) starts:
 * a system property, then the environment variable of the same name ({@code OPD_EMBEDDED_DB_PORT}).
 */
public record DemoDatabaseSettings(boolean enabled, int port, File dataDir, File baseDir, List<String> serverArgs) {

    static final String DATABASE = "opd";

    public static DemoDatabaseSettings fromEnvironment() {
        boolean enabled = setting("opd.embedded-db.enabled", "false").equals("true")
                || setting("quarkus.profile", "prod").equals("demo");
        String serverArgs = setting("opd.embedded-db.server-args", "");
        return new DemoDatabaseSettings(enabled,
                Integer.parseInt(setting("opd.embedded-db.port", "3307")),
                new File(setting("opd.embedded-db.data-dir", "data/mariadb")),
                new File(setting("opd.embedded-db.base-dir", "data/mariadb-server")),
                serverArgs.isBlank() ? List.of() : Arrays.asList(serverArgs.split(",")));
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
