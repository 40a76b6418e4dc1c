package org.opdqueue.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.opdqueue.embedded.EmbeddedMariaDb;

/**
 * Issue 18's drill, with real processes on this machine: a MariaDB primary and its replica (GTID, semi-synchronous
 * AFTER_SYNC, as deploy/mariadb/*.cnf), Redis, two app nodes (the packaged jar) whose connection string lists both
 * database servers, HAProxy in front (deploy/haproxy.cfg as committed). Kiosks issue through the balancer and retry
 * by requestId, counters call alternately on node A and node B, 200 boards are connected through the balancer and
 * reconnect with the board's backoff. Then, in turn: kill -9 node A (started again afterwards), kill -9 Redis, kill
 * -9 the primary and promote the replica. Per fault it reports the failed requests and how many were in flight, the
 * time until every board has shown a call made on each live node after the fault, and the time until issuing works
 * again; at the end the acknowledged tokens lost and the numbers given twice, also against the old primary's data.
 * Not in CI. Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q -Pbench exec:java
 * -Dbench.main=MultiNodeDrill} (options: -Dboards=200 -Dissuers=8 -Dpromote.after=5)
 */
public final class MultiNodeDrill {

    static final int PRIMARY = 13361, REPLICA = 13362, REDIS = 16391, NODE_A = 18111, NODE_B = 18112, BALANCER = 18110;
    static final int BOARDS = Integer.getInteger("boards", 200);
    static final int ISSUERS = Integer.getInteger("issuers", 8);
    /** Seconds between the primary's death and the promotion: a monitor's (or an operator's) reaction. */
    static final int PROMOTE_AFTER = Integer.getInteger("promote.after", 5);
    static final Path WORK = Path.of("target/bench/multi-node").toAbsolutePath();
    static final Path MARIADB_BINARIES = Path.of("target/bench/mariadb-server").toAbsolutePath();
    static final String KIOSK = "Device KIOSK1.demo-kiosk-1";
    static final String STAFF = BenchApp.basic("counter1", "counter123");
    static final String SESSION_KEY = UUID.randomUUID() + "-" + UUID.randomUUID();
    static final String ARCHIVE_KEY = org.opdqueue.archive.ArchiveKeys.newKey().publicKey();
    private static final Pattern SHIPPER = Pattern.compile("\"archiveShipper\":\"([^\"]+)\"");

    static final List<String> SEMI_SYNC = List.of("--log-bin=opd-bin", "--binlog-format=ROW", "--sync-binlog=1",
            "--innodb-flush-log-at-trx-commit=1", "--gtid-strict-mode=ON", "--log-slave-updates=ON",
            "--rpl-semi-sync-master-wait-point=AFTER_SYNC", "--rpl-semi-sync-master-timeout=30000",
            "--max-connections=1000");

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern CALLED = Pattern.compile("\"type\":\"called\".*?\"number\":\"([A-Z0-9-]+)\"");
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([A-Z0-9-]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"/problems/([a-z-]+)\"");

    /** One answer: what, when it was sent and answered (nanotime), its status (-1: no answer) and problem type. */
    record Answer(String kind, long sent, long answered, int status, String type, boolean viaBalancer) {
    }

    record Call(String number, String node, long sentAt) {
    }

    /** at: the kill sent; dead: the process gone (kill -9 and its reaping take tens of ms on a loaded machine). */
    record Fault(String name, long at, long dead, List<String> liveNodes) {
    }

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    final Map<String, Call> calls = new ConcurrentHashMap<>();
    final List<Map<String, Long>> boardReceipts = new CopyOnWriteArrayList<>();
    final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // requestId -> number
    final Set<String> unanswered = ConcurrentHashMap.newKeySet(); // requestId|body of issues given up on
    final Map<String, String> nodes = new ConcurrentHashMap<>(Map.of("A", base(NODE_A), "B", base(NODE_B)));
    final List<Process> started = new CopyOnWriteArrayList<>();
    final AtomicInteger connectedBoards = new AtomicInteger();
    final AtomicInteger boardErrors = new AtomicInteger();
    volatile boolean running = true;
    EmbeddedMariaDb primary;
    EmbeddedMariaDb replica;
    Process redis;
    Process nodeA;

    public static void main(String[] args) throws Exception {
        MultiNodeDrill drill = new MultiNodeDrill();
        Runtime.getRuntime().addShutdownHook(new Thread(drill::stopAll)); // also when the drill itself is stopped
        int exit = 1;
        try {
            exit = drill.run() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            drill.stopAll();
        }
        System.exit(exit); // also after a failure: the load's threads would keep exec:java waiting
    }

    boolean run() throws Exception {
        if (!Files.exists(Path.of("target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalStateException("Build the app first: ./mvnw -B -q package -DskipTests");
        }
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        say("load average %s at the start", loadAverage());
        startDatabases();
        redis = start("redis", List.of("redis-server", "--port", "" + REDIS, "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no"), Map.of());
        nodeA = startNode("a", NODE_A);
        startNode("b", NODE_B);
        startBalancer();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(ISSUERS + 8);
        for (int i = 0; i < BOARDS; i++) {
            boardReceipts.add(new ConcurrentHashMap<>());
            int board = i;
            load.schedule(() -> connectBoard(board, 0, null, load), i * 50L, TimeUnit.MILLISECONDS); // 20 a second
        }
        var progress = load.scheduleAtFixedRate(() -> say("%d boards connected", connectedBoards.get()), 10, 10,
                TimeUnit.SECONDS);
        awaitTrue(() -> connectedBoards.get() >= BOARDS, 180, "all boards connected");
        progress.cancel(false);
        say("%d boards connected through the balancer", BOARDS);
        for (int i = 0; i < ISSUERS; i++) {
            int issuer = i;
            load.execute(() -> issue(issuer));
        }
        load.execute(this::callLoop);
        Thread.sleep(10_000);

        List<Fault> faults = new ArrayList<>();
        String shipperBefore = archiveShipper(NODE_B);
        faults.add(fault("kill -9 node A", List.of("B"), () -> {
            nodes.remove("A");
            nodeA.destroyForcibly().waitFor();
        }));
        long killedA = faults.get(0).at();
        String shipperAfter = null;
        while (System.nanoTime() - killedA < 20_000_000_000L && !"node-b".equals(shipperAfter)) {
            sleep(100);
            shipperAfter = archiveShipper(NODE_B);
        }
        String archiveTakeOver = String.format("journal archive shipped by %s before node A's kill, by %s %.1f s after it",
                shipperBefore, shipperAfter, (System.nanoTime() - killedA) / 1e9);
        say(archiveTakeOver);
        Thread.sleep(25_000);
        nodeA = startNode("a", NODE_A);
        nodes.put("A", base(NODE_A));
        say("node A started again");
        Thread.sleep(10_000);
        faults.add(fault("kill -9 Redis", List.of("A", "B"), () -> redis.destroyForcibly().waitFor()));
        Thread.sleep(25_000);
        faults.add(fault("kill -9 the primary, replica promoted after " + PROMOTE_AFTER + " s", List.of("A", "B"),
                this::killPrimary));
        promoteReplica();
        Thread.sleep(40_000);
        running = false;
        load.shutdown();
        load.awaitTermination(90, TimeUnit.SECONDS);
        long end = System.nanoTime();
        retryUnanswered();

        StringBuilder report = new StringBuilder();
        report.append(String.format("%d boards, %d issuers (kiosk, through the balancer), calls alternately on node A and "
                + "node B; load average at the end %s%n%n", BOARDS, ISSUERS, loadAverage()));
        report.append("| fault | answers in the window | failed (by status) | of them 500 | no answer (through the balancer "
                + "/ sent straight to a node) | in flight at the fault | every board shows a call of each live node | "
                + "issuing works again |\n|---|---|---|---|---|---|---|---|\n");
        boolean ok = true;
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            long until = i + 1 < faults.size() ? faults.get(i + 1).at() : end;
            ok &= row(report, f, until);
        }
        ok &= verify(report);
        ok &= archive(report, archiveTakeOver);
        balancerLog(report);
        System.out.println();
        System.out.println(report);
        Files.writeString(Path.of("target/bench/multi-node-drill.md"), report);
        say(ok ? "PASSED" : "FAILED");
        return ok;
    }

    // ---- the parts --------------------------------------------------------------------------------------------

    private void startDatabases() throws Exception {
        List<String> primaryArgs = new ArrayList<>(SEMI_SYNC);
        primaryArgs.addAll(List.of("--server-id=1", "--rpl-semi-sync-master-enabled=ON",
                "--rpl-semi-sync-slave-enabled=ON"));
        List<String> replicaArgs = new ArrayList<>(SEMI_SYNC);
        replicaArgs.addAll(List.of("--server-id=2", "--read-only=ON", "--relay-log-recovery=ON",
                "--rpl-semi-sync-slave-enabled=ON", "--rpl-semi-sync-master-enabled=OFF"));
        primary = EmbeddedMariaDb.start(WORK.resolve("primary").toFile(), MARIADB_BINARIES.toFile(), PRIMARY, "opd",
                primaryArgs.toArray(String[]::new));
        replica = EmbeddedMariaDb.start(WORK.resolve("replica").toFile(), MARIADB_BINARIES.toFile(), REPLICA, "opd",
                replicaArgs.toArray(String[]::new));
        try (Connection c = database(REPLICA); Statement s = c.createStatement()) {
            // the replica's own 'create database' is forgotten: its history is the primary's from the first GTID on
            s.execute("RESET MASTER");
            s.execute("SET GLOBAL gtid_slave_pos = ''");
            s.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + PRIMARY
                    + ", MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos"
                    // MariaDB 11.4 asks for TLS by default; the embedded servers run without it (on one machine)
                    + ", MASTER_SSL=0");
            s.execute("START SLAVE");
        }
        awaitTrue(() -> "1".equals(status(PRIMARY, "Rpl_semi_sync_master_clients")), 60, "the replica acknowledging");
        say("primary :%d and replica :%d replicating (GTID, semi-sync AFTER_SYNC, timeout 30 s)", PRIMARY, REPLICA);
    }

    /** A node started again on a loaded machine may miss its first database connection (2 s): it is tried thrice. */
    private Process startNode(String name, int port) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return startNodeOnce(name, port);
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                say("%s; starting it again", e.getMessage());
            }
        }
    }

    private Process startNodeOnce(String name, int port) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=jdbc:mariadb:sequential://127.0.0.1:" + PRIMARY + ",127.0.0.1:" + REPLICA
                        + "/opd",
                "-Dquarkus.datasource.username=root", "-Dquarkus.datasource.password=",
                "-Dquarkus.http.auth.session.encryption-key=" + SESSION_KEY, "-Dopd.demo.seed=true",
                "-Dopd.node.name=node-" + name, "-Dopd.redis.url=redis://127.0.0.1:" + REDIS,
                "-Dopd.issuing.kiosk.per-minute=1000000", "-Dopd.display.max-connections=5000",
                "-Dopd.display.max-connections-per-address=5000", "-Dquarkus.log.level=INFO",
                // the journal archive on both nodes, one shared directory: only one ships at a time
                "-Dopd.archive.enabled=true", "-Dopd.archive.directory=" + WORK.resolve("archive"),
                "-Dopd.archive.public-key=" + ARCHIVE_KEY));
        command.addAll(BenchApp.PRODUCTION_JVM);
        Process node = BenchApp.launch(command, jar).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("node-" + name + ".log").toFile())).start();
        started.add(node);
        try {
            awaitTrue(() -> {
                if (!node.isAlive()) {
                    throw new IllegalStateException("node " + name + " exited; see " + WORK.resolve("node-" + name + ".log"));
                }
                return get(base(port) + "/q/health/ready") == 200;
            }, 120, "node " + name + " ready");
        } catch (IllegalStateException e) {
            node.destroyForcibly().waitFor();
            throw e;
        }
        say("node %s ready on :%d", name, port);
        return node;
    }

    private void startBalancer() throws Exception {
        Path deploy = Path.of("deploy").toAbsolutePath();
        start("haproxy", List.of("haproxy", "-db", "-f", deploy.resolve("haproxy.cfg").toString()),
                Map.of("OPD_LISTEN", "127.0.0.1:" + BALANCER, "OPD_NODE_A", "127.0.0.1:" + NODE_A, "OPD_NODE_B",
                        "127.0.0.1:" + NODE_B, "OPD_HAPROXY_ERRORS", deploy.resolve("haproxy-errors").toString(),
                        "OPD_HAPROXY_LOG", "stdout"));
        awaitTrue(() -> get(base(BALANCER) + "/q/health/ready") == 200, 30, "the balancer");
        say("HAProxy on :%d (deploy/haproxy.cfg)", BALANCER);
    }

    private void killPrimary() throws Exception {
        ProcessHandle mariadbd = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("mariadbd")
                        && p.info().commandLine().orElse("").contains("--port=" + PRIMARY))
                .findFirst().orElseThrow();
        mariadbd.destroyForcibly();
        mariadbd.onExit().join();
    }

    private void promoteReplica() throws Exception {
        Thread.sleep(PROMOTE_AFTER * 1000L);
        long began = System.nanoTime();
        // deploy/promote-replica.sh, step by step: apply all the relay log holds, then stop replicating and write
        try (Connection c = database(REPLICA); Statement s = c.createStatement()) {
            s.execute("STOP SLAVE IO_THREAD");
            awaitTrue(() -> slaveState(s).contains("read all relay log"), 60, "the relay log applied");
            s.execute("STOP SLAVE");
            s.execute("RESET SLAVE ALL");
            s.execute("SET GLOBAL read_only = OFF");
        }
        say("replica promoted in %.1f s", (System.nanoTime() - began) / 1e9);
    }

    // ---- the load ---------------------------------------------------------------------------------------------

    private void issue(int issuer) {
        String[] services = { "MED", "ENT", "ORTH" };
        while (running) {
            String requestId = UUID.randomUUID().toString();
            String body = "{\"requestId\":\"" + requestId + "\",\"serviceCode\":\"" + services[issuer % 3]
                    + "\",\"channel\":\"KIOSK\"}";
            boolean done = false;
            for (int attempt = 0; attempt < 200 && !done; attempt++) {
                Answer a = post("issue", base(BALANCER) + "/api/tokens", body, KIOSK);
                if (a.status() == 200 || a.status() == 201) {
                    done = true;
                } else {
                    sleep(300); // as the kiosk: the same requestId again
                }
            }
            if (!done) {
                unanswered.add(requestId + "|" + body);
            }
            sleep(150);
        }
    }

    /**
     * Call-next alternately for MED (counter 1, board 1) and ENT (counter 6, board 2), on node A and node B. A complete
     * that failed is done again before that counter's next call, as staff would (call-next refuses while one is called).
     */
    private void callLoop() {
        String[][] lanes = { { "1", "MED" }, { "6", "ENT" } };
        String[] toComplete = new String[2];
        int i = 0;
        while (running) {
            List<String> live = nodes.keySet().stream().sorted().toList();
            String node = live.get((i / 2) % live.size());
            int lane = i % 2;
            i++;
            if (toComplete[lane] != null) {
                int status = post("complete", nodes.get(node) + "/api/tokens/" + toComplete[lane] + "/complete", null,
                        STAFF).status();
                if (status == 200 || status == 409) {
                    toComplete[lane] = null;
                } else {
                    sleep(250);
                    continue;
                }
            }
            long sent = System.nanoTime();
            Answer a = post("call", nodes.get(node) + "/api/counters/" + lanes[lane][0] + "/call-next", null, STAFF);
            if (a.status() == 200) {
                Matcher n = NUMBER.matcher(lastText);
                Matcher id = ID.matcher(lastText);
                if (n.find() && id.find()) {
                    calls.put(n.group(1), new Call(n.group(1), node, sent));
                    toComplete[lane] = id.group(1);
                }
            } else if (a.status() == 409) {
                // a patient is still called at this counter (a call whose answer was lost): staff complete them first
                toComplete[lane] = currentTokenOf(nodes.get(node), lanes[lane][0]);
            }
            sleep(250);
        }
    }

    /** As the console after a lost answer: the counter's own state says which patient it holds. */
    private String currentTokenOf(String node, String counter) {
        try {
            String view = http.send(HttpRequest.newBuilder(URI.create(node + "/api/counters/" + counter))
                    .timeout(Duration.ofSeconds(5)).header("authorization", STAFF).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"currentToken\":\\{\"id\":(\\d+)").matcher(view);
            return m.find() ? m.group(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The last call's answer, written and read by the one calling thread. */
    private volatile String lastText = "";

    private void connectBoard(int index, int attempt, Long since, ScheduledExecutorService scheduler) {
        Map<String, Long> receipts = boardReceipts.get(index);
        String board = index % 2 == 0 ? "1" : "2";
        String key = board.equals("1") ? "BOARDA.demo-board-a" : "BOARDB.demo-board-b";
        long[] lastSeq = { since == null ? -1 : since };
        boolean[] counted = { false };
        URI uri = URI.create("ws://127.0.0.1:" + BALANCER + "/ws/display/" + board + (since == null ? "" : "?since=" + since));
        Runnable again = () -> {
            if (counted[0]) {
                connectedBoards.decrementAndGet();
                counted[0] = false;
            }
            if (running) {
                // the board's own backoff (display-board/socket.js): 0.5 s doubling to 30 s, ±25 %
                long delay = (long) (Math.min(30_000, 500 * Math.pow(2, attempt))
                        * (0.75 + 0.5 * ThreadLocalRandom.current().nextDouble()));
                scheduler.schedule(() -> connectBoard(index, attempt + 1, lastSeq[0] < 0 ? null : lastSeq[0],
                        scheduler), delay, TimeUnit.MILLISECONDS);
            }
        };
        org.opdqueue.support.BoardClient.offeringKey(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)), key)
                .buildAsync(uri, new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            /** Open: a new board gets its snapshot, one coming back with since= what it missed. */
            @Override
            public void onOpen(WebSocket ws) {
                counted[0] = true;
                connectedBoards.incrementAndGet();
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                long now = System.nanoTime();
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    Matcher seq = SEQ.matcher(text);
                    if (seq.find()) {
                        lastSeq[0] = Math.max(lastSeq[0], Long.parseLong(seq.group(1)));
                    }
                    Matcher called = CALLED.matcher(text);
                    if (called.find()) {
                        receipts.putIfAbsent(called.group(1), now);
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                again.run();
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                if (boardErrors.incrementAndGet() <= 3) {
                    say("board %d: %s", index, error);
                }
                again.run();
            }
        }).whenComplete((ws, error) -> {
            if (error != null) {
                if (boardErrors.incrementAndGet() <= 3) {
                    say("board %d could not connect: %s", index, error);
                }
                again.run();
            }
        });
    }

    // ---- the figures ------------------------------------------------------------------------------------------

    private Fault fault(String name, List<String> live, ThrowingRunnable inject) throws Exception {
        say("FAULT: %s (load average %s)", name, loadAverage());
        long at = System.nanoTime();
        inject.run();
        return new Fault(name, at, System.nanoTime(), live);
    }

    private boolean row(StringBuilder report, Fault f, long until) {
        List<Answer> window = answers.stream().filter(a -> a.answered() >= f.at() && a.answered() < until).toList();
        Map<String, Integer> failed = new TreeMap<>();
        long lastFailedIssue = f.at();
        int fiveHundreds = 0;
        int silentViaBalancer = 0;
        int silentDirect = 0;
        for (Answer a : window) {
            if (a.status() == -1) {
                // "never silence": through the balancer, every request gets an answer, if only the 503 problem
                silentViaBalancer += a.viaBalancer() ? 1 : 0;
                silentDirect += a.viaBalancer() ? 0 : 1;
            }
            if (a.status() != 200 && a.status() != 201 && a.status() != 204) {
                failed.merge(a.kind() + " " + a.status() + (a.type() == null ? "" : " " + a.type()), 1, Integer::sum);
                fiveHundreds += a.status() >= 500 && a.status() != 503 ? 1 : 0;
                if (a.kind().equals("issue")) {
                    lastFailedIssue = Math.max(lastFailedIssue, a.answered());
                }
            }
        }
        // sent before the process was gone, answered after the kill was sent
        long inFlight = answers.stream().filter(a -> a.sent() < f.dead() && a.answered() > f.at()).count();
        // every board has shown a call made after the fault on each live node
        long converged = 0;
        int boardsThere = 0;
        for (Map<String, Long> receipts : boardReceipts) {
            long boardAt = 0;
            boolean all = true;
            for (String node : f.liveNodes()) {
                long first = receipts.entrySet().stream()
                        .filter(r -> calls.containsKey(r.getKey()) && calls.get(r.getKey()).node().equals(node)
                                && calls.get(r.getKey()).sentAt() > f.at() && r.getValue() < until)
                        .mapToLong(Map.Entry::getValue).min().orElse(-1);
                all &= first > 0;
                boardAt = Math.max(boardAt, first);
            }
            if (all) {
                boardsThere++;
                converged = Math.max(converged, boardAt - f.at());
            }
        }
        int failedCount = failed.values().stream().mapToInt(Integer::intValue).sum();
        report.append(String.format("| %s | %d | %d %s | %d | %d / %d | %d | %s | %.1f s |%n", f.name(), window.size(),
                failedCount, failed, fiveHundreds, silentViaBalancer, silentDirect, inFlight, boardsThere == boardReceipts.size()
                        ? String.format("%.1f s", converged / 1e9)
                        : boardsThere + " of " + boardReceipts.size() + " boards",
                (lastFailedIssue - f.at()) / 1e9));
        return fiveHundreds == 0 && silentViaBalancer == 0 && boardsThere == boardReceipts.size();
    }

    /** Acknowledged tokens lost and numbers given twice, on the promoted server and against the old primary's data. */
    private boolean verify(StringBuilder report) throws Exception {
        Map<String, String> byRequest = new HashMap<>();
        Map<String, String> requestByNumber = new HashMap<>();
        int doubled;
        try (Connection c = database(REPLICA); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT k.request_id, t.display_number, t.business_day FROM token t "
                    + "LEFT JOIN idempotency_key k ON k.token_id = t.id")) {
                while (rs.next()) {
                    byRequest.put(rs.getString(1), rs.getString(2));
                    requestByNumber.put(rs.getString(3) + " " + rs.getString(2), rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM token GROUP BY facility, "
                    + "business_day, number_service_id, number_series, number HAVING COUNT(*) > 1) d")) {
                rs.next();
                doubled = rs.getInt(1);
            }
        }
        long lost = acknowledged.entrySet().stream().filter(e -> !e.getValue().equals(byRequest.get(e.getKey()))).count();
        // the old primary's own data: a number it gave that the promoted server gave to another request
        EmbeddedMariaDb old = EmbeddedMariaDb.start(WORK.resolve("primary").toFile(), MARIADB_BINARIES.toFile(),
                PRIMARY + 10, "opd", "--skip-slave-start", "--read-only=ON", "--server-id=1", "--log-bin=opd-bin");
        int onOldOnly = 0;
        int reissued = 0;
        int oldTokens = 0;
        try (Connection c = database(PRIMARY + 10); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT k.request_id, t.display_number, t.business_day FROM token t "
                        + "LEFT JOIN idempotency_key k ON k.token_id = t.id")) {
            while (rs.next()) {
                oldTokens++;
                String key = rs.getString(3) + " " + rs.getString(2);
                if (!requestByNumber.containsKey(key)) {
                    onOldOnly++;
                } else if (!String.valueOf(requestByNumber.get(key)).equals(String.valueOf(rs.getString(1)))) {
                    reissued++;
                }
            }
        } finally {
            old.stop();
        }
        String promoted = "";
        try (Connection c = database(REPLICA); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT detail FROM journal_entry WHERE type = 'DATABASE_PROMOTED'")) {
            while (rs.next()) {
                promoted += rs.getString(1);
            }
        }
        report.append(String.format("%nacknowledged tokens: %d; lost: %d; issues never answered after retrying: %d%n",
                acknowledged.size(), lost, unanswered.size()));
        report.append(String.format("numbers given twice on the promoted server: %d; tokens on the old primary: %d, "
                + "of them only there (never acknowledged): %d, their number given to another request: %d%n", doubled,
                oldTokens, onOldOnly, reissued));
        report.append(String.format("journal: %s%n", promoted.isEmpty() ? "no DATABASE_PROMOTED entry" : promoted));
        return lost == 0 && doubled == 0 && reissued == 0 && !promoted.isEmpty();
    }

    /** Issues given up on during the run are sent again now, with the same requestId, as a kiosk's outbox does. */
    private void retryUnanswered() {
        for (String pending : List.copyOf(unanswered)) {
            String[] parts = pending.split("\\|", 2);
            for (int i = 0; i < 50; i++) {
                Answer a = post("issue-late", base(BALANCER) + "/api/tokens", parts[1], KIOSK);
                if (a.status() == 200 || a.status() == 201) {
                    unanswered.remove(pending);
                    break;
                }
                sleep(500);
            }
        }
    }

    /**
     * What HAProxy's request log (option httplog) says about the requests it did not simply pass on: sent again to
     * the other node (the retries field "+N": redispatched), and answered by HAProxy itself, by status and
     * termination state (e.g. "SH--": the node closed before its answer's headers).
     */
    private void balancerLog(StringBuilder report) throws Exception {
        Path log = WORK.resolve("haproxy.log");
        if (!Files.exists(log)) {
            return;
        }
        Pattern line = Pattern.compile(" (\\d{3}) \\d+ - - (\\S{4}) \\S+ \\d+/\\d+ \"(\\S+) (\\S+)");
        Pattern retries = Pattern.compile(" \\d+/\\d+/\\d+/\\d+/\\+(\\d+) ");
        Map<String, Integer> redispatched = new TreeMap<>();
        Map<String, Integer> byBalancer = new TreeMap<>();
        for (String l : Files.readAllLines(log)) {
            Matcher m = line.matcher(l);
            if (!m.find()) {
                continue;
            }
            String what = m.group(3) + " " + m.group(4).replaceAll("/\\d+", "/{id}").replaceAll("\\?.*", "");
            Matcher r = retries.matcher(l);
            if (r.find()) {
                redispatched.merge(what + " -> " + m.group(1), 1, Integer::sum);
            }
            if (!m.group(2).startsWith("-") && !m.group(2).startsWith("CD") && !m.group(2).startsWith("cD")) {
                byBalancer.merge(what + " " + m.group(1) + " " + m.group(2), 1, Integer::sum);
            }
        }
        report.append(String.format("%nHAProxy log: sent again to the other node (redispatched) %s; not a plain pass: %s%n",
                redispatched, byBalancer));
    }

    /** The archive the two nodes shipped in turn: one chain, each journal entry once. */
    private boolean archive(StringBuilder report, String takeOver) {
        try {
            var target = new org.opdqueue.archive.DirectoryTarget(WORK.resolve("archive"));
            int segments = org.opdqueue.archive.ArchiveReader.verify(target).segments().size();
            report.append(String.format("%s; archive: %d segments, one verified chain%n", takeOver, segments));
            return true;
        } catch (Exception e) {
            report.append(String.format("%s; archive NOT verified: %s%n", takeOver, e.getMessage()));
            return false;
        }
    }

    private String archiveShipper(int port) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/status"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = SHIPPER.matcher(body);
            return m.find() ? m.group(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private Answer post(String kind, String url, String json, String authorization) {
        long sent = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json").header("authorization", authorization)
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher type = TYPE.matcher(r.body());
            answer = new Answer(kind, sent, System.nanoTime(), r.statusCode(), type.find() ? type.group(1) : null,
                    url.startsWith(base(BALANCER)));
            if (kind.equals("call")) {
                lastText = r.body();
            }
            if (kind.startsWith("issue") && (r.statusCode() == 200 || r.statusCode() == 201)) {
                Matcher requestId = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(json);
                Matcher number = NUMBER.matcher(r.body());
                if (requestId.find() && number.find()) {
                    acknowledged.put(requestId.group(1), number.group(1));
                }
            }
        } catch (Exception e) {
            answer = new Answer(kind, sent, System.nanoTime(), -1, e.getClass().getSimpleName(),
                    url.startsWith(base(BALANCER)));
            say("%s %s: no answer after %d ms: %s", kind, url, (answer.answered() - sent) / 1_000_000, e);
        }
        answers.add(answer);
        return answer;
    }

    private int get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private Process start(String name, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        Process p = builder.start();
        started.add(p);
        return p;
    }

    private static Connection database(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/opd", "root", "");
    }

    private static String status(int port, String variable) throws SQLException {
        try (Connection c = database(port); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + variable + "'")) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    private static String slaveState(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            return rs.next() ? String.valueOf(rs.getString("Slave_SQL_Running_State")) : "";
        }
    }

    private synchronized void stopAll() {
        running = false;
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        for (EmbeddedMariaDb db : new EmbeddedMariaDb[] { replica, primary }) {
            if (db != null) {
                db.stop();
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not within " + seconds + " s: " + what);
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "?";
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private MultiNodeDrill() {
    }
}
