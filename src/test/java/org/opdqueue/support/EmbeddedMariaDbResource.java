package org.opdqueue.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.opdqueue.embedded.EmbeddedMariaDb;

/**
 * Gives the tests a real MariaDB: an embedded one started once per test JVM, or the external one named
 * by {@code QUARKUS_DATASOURCE_JDBC_URL} (with {@code QUARKUS_DATASOURCE_USERNAME}/{@code _PASSWORD}).
 */
public class EmbeddedMariaDbResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The server of this class loader. Quarkus loads the test classes anew for each test profile, so each profile
     * gets a server (and a database) of its own; this field never sees another profile's.
     */
    private static EmbeddedMariaDb db;

    @Override
    public synchronized Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        if (db == null) {
            // a data directory per server: the system property counts servers across the class loaders of one JVM
            int n = Integer.getInteger("opdtest.mariadb-servers", 0) + 1;
            System.setProperty("opdtest.mariadb-servers", String.valueOf(n));
            File dataDir = new File("target/test-mariadb/data-" + ProcessHandle.current().pid() + "-" + n);
            deleteRecursively(dataDir.toPath());
            EmbeddedMariaDb started = EmbeddedMariaDb.start(dataDir, new File("target/test-mariadb/server"), freePort(),
                    "opd_test", "--innodb-flush-log-at-trx-commit=2", "--skip-log-bin");
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-mariadb-stop"));
            db = started;
        }
        return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl("opd_test"),
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // kept running for the next test class of the same profile; stopped when the JVM exits
    }

    /** The embedded server, for tests that take the database away; null when tests use an external one. */
    public static EmbeddedMariaDb database() {
        return db;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
