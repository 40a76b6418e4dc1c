package org.opdqueue.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.opdqueue.embedded.StartUpClasses;

/** The packaged app started as its own process on a fresh embedded MariaDB, as the benchmarks measure it. */
final class BenchApp implements AutoCloseable {

    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;

    private final int dbPort;

    private BenchApp(String base, Process process, int dbPort) {
        this.base = base;
        this.process = process;
        this.dbPort = dbPort;
    }

    /** Nanotime when the process was started and when it answered ready: its start-up time. */
    long startedAt;
    long readyAt;
    /** CPU milliseconds the process had used when it answered ready: start-up's cost, less noisy than its wall time. */
    double cpuAtReady;

    /** The packaged app in production mode against a database that is already running (start-up without the database). */
    static BenchApp startAgainst(int httpPort, int dbPort) throws Exception {
        Path jar = PACKAGED_JAR;
        List<String> command = againstDatabase(httpPort, dbPort);
        long started = System.nanoTime();
        Process process = launch(command, jar).redirectErrorStream(true)
                .redirectOutput(new File("target/bench/app-" + httpPort + ".log")).start();
        BenchApp app = new BenchApp("http://127.0.0.1:" + httpPort, process, dbPort);
        app.startedAt = started;
        app.awaitReady(Duration.ofSeconds(60));
        app.readyAt = System.nanoTime();
        app.cpuAtReady = Cpu.millis(process.pid());
        return app;
    }

    /**
     * Writes the class-data archive of one start against the running database, as an install does it
     * (deploy/opd-queue.service): started with {@code -XX:ArchiveClassesAtExit}, stopped once it answered ready, which
     * writes the archive; later starts use it ({@link #launch}).
     */
    static void writeClassArchive(int httpPort, int dbPort) throws Exception {
        Path jar = PACKAGED_JAR;
        Path archive = jar.resolveSibling(TRAINED_ARCHIVE).toAbsolutePath();
        forgetTraining();
        List<String> command = againstDatabase(httpPort, dbPort);
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        // and the list of the classes it loaded, which later starts load ahead on the second core (StartUpClasses)
        command.add("-Xlog:class+load=info:file=" + jar.resolveSibling(StartUpClasses.LIST).toAbsolutePath()
                + ":none:filecount=0");
        Process process = launch(command, jar).redirectErrorStream(true)
                .redirectOutput(new File("target/bench/app-" + httpPort + ".log")).start();
        try (BenchApp training = new BenchApp("http://127.0.0.1:" + httpPort, process, dbPort)) {
            training.awaitReady(Duration.ofSeconds(90)); // then SIGTERM, and the JVM writes the archive as it exits
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no class-data archive written; see target/bench/app-" + httpPort + ".log");
        }
    }

    /** Deletes what a training start wrote (the class-data archive, the class list): the next starts go without. */
    static void forgetTraining() throws IOException {
        Path jar = PACKAGED_JAR;
        Files.deleteIfExists(jar.resolveSibling(TRAINED_ARCHIVE));
        Files.deleteIfExists(jar.resolveSibling(StartUpClasses.LIST));
    }

    /** The production command against a database that is already running, without the jar and the archive. */
    private static List<String> againstDatabase(int httpPort, int dbPort) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + httpPort, "-Dquarkus.log.level=WARN",
                "-Dquarkus.datasource.jdbc.url=jdbc:mariadb://127.0.0.1:" + dbPort + "/opd",
                "-Dquarkus.datasource.username=root", "-Dquarkus.datasource.password=",
                // production refuses to start without the staff log-in cookie's key (staff/SessionKeyCheck)
                "-Dquarkus.http.auth.session.encryption-key=" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID()));
        command.addAll(PRODUCTION_JVM);
        command.addAll(extraJvmArgs());
        return command;
    }

    /**
     * The JVM options production uses, from the same file as the Dockerfile and deploy/opd-queue.service
     * ({@code deploy/jvm.options}, a java argument file); later options given here override them. With
     * {@link #PRODUCTION_ENV}; the AppCDS archive is added when the build made one ({@link #launch}).
     */
    static final List<String> PRODUCTION_JVM = List.of("@" + Path.of("deploy/jvm.options").toAbsolutePath());

    /** Two malloc arenas instead of eight per core: the JVM's many threads otherwise each keep native memory. */
    static final java.util.Map<String, String> PRODUCTION_ENV = java.util.Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * The jar started from its own directory, as the AppCDS archive beside it needs, with the archive when there is
     * one ({@code quarkus.package.jar.appcds.enabled}); paths in {@code command} must be absolute.
     */
    static ProcessBuilder launch(List<String> command, Path jar) {
        List<String> full = new ArrayList<>(command);
        if (command.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"))) {
            // writing an archive: one dynamic archive at a time
        } else if (Files.exists(jar.resolveSibling(TRAINED_ARCHIVE))) {
            full.add("-XX:SharedArchiveFile=" + TRAINED_ARCHIVE);
        } else if (Files.exists(jar.resolveSibling("app-cds.jsa"))) {
            full.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        full.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(full).directory(jar.toAbsolutePath().getParent().toFile());
        builder.environment().putAll(PRODUCTION_ENV);
        return builder;
    }

    /**
     * The class-data archive of a real start against the database (README "Memory and start-up"), as an install writes
     * it: every class start-up loads, where the one {@code ./mvnw package} writes has only those of static init.
     */
    static final String TRAINED_ARCHIVE = "app-cds-trained.jsa";

    /** What {@code ./mvnw package} builds: the jar the benchmarks start, and beside it what a training start writes. */
    static final Path PACKAGED_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    /** JVM options to try on the app, e.g. {@code -Dbench.jvm="-XX:StartFlightRecording=filename=target/bench/app.jfr"}. */
    private static List<String> extraJvmArgs() {
        String args = System.getProperty("bench.jvm", "").strip();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    /** Resident memory of the app process, in MiB. */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

    static BenchApp start(int httpPort, int dbPort, String... extraArgs) throws Exception {
        deleteRecursively(Path.of("target/bench/db-" + dbPort));
        return startOnItsData(httpPort, dbPort, extraArgs);
    }

    /** The demo again on the data a previous run (perhaps killed) left behind: a restart as a hospital does it. */
    static BenchApp startOnItsData(int httpPort, int dbPort, String... extraArgs) throws Exception {
        // -Dbench.jar=… measures another build (e.g. the version before a change) with the same bench
        Path jar = System.getProperty("bench.jar") == null ? PACKAGED_JAR : Path.of(System.getProperty("bench.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the app first: ./mvnw -B package -DskipTests");
        }
        Path data = Path.of("target/bench/db-" + dbPort);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=demo", "-Dquarkus.http.port=" + httpPort,
                "-Dopd.embedded-db.port=" + dbPort, "-Dopd.embedded-db.data-dir=" + data.resolve("data").toAbsolutePath(),
                "-Dopd.embedded-db.base-dir=" + Path.of("target/bench/mariadb-server").toAbsolutePath(),
                "-Dquarkus.log.level=WARN"));
        command.addAll(List.of(extraArgs));
        command.addAll(PRODUCTION_JVM);
        command.addAll(extraJvmArgs());
        Files.createDirectories(Path.of("target/bench"));
        Process process = launch(command, jar).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/bench/app-" + httpPort + ".log"))).start();
        BenchApp app = new BenchApp("http://127.0.0.1:" + httpPort, process, dbPort);
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    /** An app process started some other way (e.g. {@code restore}, which starts the server when done), once ready. */
    static BenchApp attach(int httpPort, int dbPort, Process process, Duration timeout) throws InterruptedException {
        BenchApp app = new BenchApp("http://127.0.0.1:" + httpPort, process, dbPort);
        app.awaitReady(timeout);
        return app;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited; see target/bench/app-*.log");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app was not ready within " + timeout);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the demo counter user: calling and token actions need a staff log-in. */
    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, basic("counter1", "counter123"));
    }

    HttpResponse<String> post(String path, String json, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .header("authorization", authorization)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * As a staff member logged in through the form, as the counter console is: the log-in cookie, checked per request
     * without the password hash (HTTP Basic runs PBKDF2 on every request, which a console never does).
     */
    HttpResponse<String> postAs(StaffCookie staff, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .header("cookie", staff.cookie)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A staff log-in cookie ({@code quarkus-credential=…}); valid for the session's idle time (hours). */
    record StaffCookie(String cookie) {
    }

    private static final java.util.regex.Pattern CSRF_INPUT = java.util.regex.Pattern
            .compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** Logs in through the log-in page's form (with its CSRF token), as a browser does. */
    StaffCookie logIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = CSRF_INPUT.matcher(page.body());
        String csrfCookie = cookie(page, "csrf-token");
        if (!token.find() || csrfCookie == null) {
            throw new IllegalStateException("the log-in page has no CSRF token: " + page.statusCode());
        }
        String form = "csrf-token=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)
                + "&j_username=" + user + "&j_password=" + password;
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("content-type", "application/x-www-form-urlencoded").header("cookie", "csrf-token=" + csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String credential = cookie(answer, "quarkus-credential");
        if (credential == null) {
            throw new IllegalStateException("log-in as " + user + " failed: " + answer.statusCode());
        }
        return new StaffCookie("quarkus-credential=" + credential);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                .findFirst().orElse(null);
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** The embedded database of this run, for setting up what has no API (enrolled devices). */
    java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort + "/opd", "root", "");
    }

    long pid() {
        return process.pid();
    }

    /** The embedded MariaDB the app started (its child process), or -1 when it runs against another database. */
    long databasePid() {
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    /** Starts counting the CPU the app and its database use, for a figure's CPU per operation. */
    Cpu.Meter cpuMeter() {
        return new Cpu.Meter(pid(), databasePid());
    }

    /** kill -9 of the server process alone: its embedded MariaDB is left running, orphaned, as after a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
