package org.opdqueue.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Call → board latency at 1,000 boards, with the boards held cheaply: one Vert.x event loop in this process holds
 * every socket and stamps each frame as it arrives, so the client costs little of the two cores the server and its
 * database share. Three runs: calls at a steady, realistic rate (a large OPD's counters calling about every two
 * minutes each), then spikes (all ten counters calling at the same instant, every two seconds: a hall's worst
 * moment, such as the rooms opening together after lunch), then a burst (ten counters calling and completing as fast
 * as they can, the machine flat out). Beside each figure, the
 * server's CPU per call from {@code /proc/<pid>/stat} (its own process: the embedded database is another), which
 * includes the complete after each call and the frames of both to 500 boards.
 * The per-address and total board caps are raised for the bench ({@link BoardLatencyBench#MANY_BOARDS}).
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=BoardFanOutBench}
 */
public final class BoardFanOutBench {

    private static final Pattern CALLED = Pattern.compile("\"type\":\"called\".*?\"number\":\"([A-Z0-9-]+)\"");
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([A-Z0-9-]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    /** The demo's rooms 1–10 (ids 1–10) and what each serves; hall A shows MED and ORTH, hall B ENT, PAED, GYN. */
    private static final String[] SERVES = { "MED", "MED", "MED", "ORTH", "ORTH", "ENT", "PAED", "PAED", "GYN", "GYN" };

    record Receipt(String number, long at) {
    }

    /** Frames the boards received after their snapshots: with batches, fewer than the events they carry. */
    static final java.util.concurrent.atomic.AtomicLong FRAMES = new java.util.concurrent.atomic.AtomicLong();

    private record Call(String number, long sentAt, long answeredAt) {
    }

    public static void main(String[] args) throws Exception {
        int boards = Integer.getInteger("boards", 1000);
        int steadyCalls = Integer.getInteger("calls", 100);
        double perSecond = Double.parseDouble(System.getProperty("rate", "4"));
        int burstCalls = Integer.getInteger("burst", 200);
        int spikes = Integer.getInteger("spikes", 20);
        int warmUp = Integer.getInteger("warm-up", 60);
        Files.createDirectories(Path.of("target/bench"));
        try (BenchApp app = BenchApp.start(Integer.getInteger("bench.port", 18090), Integer.getInteger("bench.port", 18090) - 18090 + 13317, Benchmarks.DURABLE, BoardLatencyBench.MANY_BOARDS[0],
                BoardLatencyBench.MANY_BOARDS[1])) {
            // the counters log in once, as the console does: HTTP Basic would run the password hash on every call
            BenchApp.StaffCookie counter = app.logIn("counter1", "counter123");
            for (String service : List.of("MED", "ORTH", "ENT", "PAED", "GYN")) {
                for (int i = 0; i < (warmUp + steadyCalls + spikes * SERVES.length + burstCalls) / 2 + 20; i++) {
                    app.postAs(counter, "/api/tokens", "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"" + service + "\"}");
                }
            }
            ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
            try {
                connect(vertx, app, boards, receipts);
                System.out.printf("%d boards connected on one event loop%n", boards);
                Thread.sleep(1000);
                steady(app, counter, warmUp, 20); // unmeasured: the server compiles its hot paths first
                measure("steady, " + perSecond + " calls/s", app, receipts, boards, () -> steady(app, counter, steadyCalls, perSecond));
                measure("spikes, 10 counters at the same instant every 2 s", app, receipts, boards,
                        () -> spikes(app, counter, spikes));
                measure("burst, 10 counters at once", app, receipts, boards, () -> burst(app, counter, burstCalls));
                System.out.printf("RSS with %d boards connected, after the runs: %.0f MiB%n", boards, app.rssMiB());
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    /** Even boards show hall A (board 1), odd ones hall B (board 2); each call received is stamped as it arrives. */
    static void connect(Vertx vertx, BenchApp app, int boards, ConcurrentLinkedQueue<Receipt> receipts)
            throws InterruptedException {
        // offering per-message compression as Chromium does on every board PC (-Dbench.deflate=false: not offering)
        boolean deflate = Boolean.parseBoolean(System.getProperty("bench.deflate", "true"));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(boards + 10)
                .setConnectTimeout(60_000).setTryUsePerMessageCompression(deflate));
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        CountDownLatch snapshots = new CountDownLatch(boards);
        int port = Integer.parseInt(app.base.substring(app.base.lastIndexOf(':') + 1));
        for (int i = 0; i < boards; i++) {
            // as the board's page asks: several events in one frame when they come together (-Dbatch=false: one each)
            String query = (i % 2 == 0 ? "/ws/display/1" : "/ws/display/2")
                    + (Boolean.parseBoolean(System.getProperty("batch", "true")) ? "?batch=1" : "");
            String key = i % 2 == 0 ? "BOARDA.demo-board-a" : "BOARDB.demo-board-b";
            // the board PC's key offered as the page offers it (display-board/socket.js): as a subprotocol
            client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(query)
                            .addSubProtocol("opd-board").addSubProtocol("opd-board-key."
                                    + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                    .onFailure(e -> System.out.println("a board could not connect: " + e))
                    .onSuccess(ws -> {
                        if (told.compareAndSet(false, true)) {
                            System.out.println("boards offer compression: " + deflate + "; the server agreed to: "
                                    + ws.headers().get("sec-websocket-extensions"));
                        }
                        java.util.function.Consumer<String> received = text -> {
                            long now = System.nanoTime();
                            if (text.startsWith("{\"type\":\"snapshot\"")) {
                                snapshots.countDown();
                                return;
                            }
                            FRAMES.incrementAndGet();
                            Matcher m = CALLED.matcher(text);
                            while (m.find()) {
                                receipts.add(new Receipt(m.group(1), now));
                            }
                        };
                        ws.textMessageHandler(received::accept);
                        // a board that takes batches gets events as UTF-8 JSON in binary frames
                        ws.binaryMessageHandler(bytes -> received.accept(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)));
                    });
        }
        if (!snapshots.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (boards - snapshots.getCount()) + " boards got their snapshot");
        }
    }

    private interface Run {
        List<Call> calls() throws Exception;
    }

    private static void measure(String name, BenchApp app, ConcurrentLinkedQueue<Receipt> receipts, int boards, Run run)
            throws Exception {
        receipts.clear();
        long framesBefore = FRAMES.get();
        long cpuBefore = cpuMillis(app.pid());
        long systemBefore = systemMillis(app.pid());
        Map<String, Double> threadsBefore = Cpu.byThread(app.pid());
        long selfBefore = cpuMillis(ProcessHandle.current().pid());
        long started = System.nanoTime();
        List<Call> calls = run.calls();
        long elapsed = System.nanoTime() - started;
        for (int seen = -1; seen != receipts.size();) { // the last frames: until none came for a second
            seen = receipts.size();
            Thread.sleep(1000);
        }
        long cpu = cpuMillis(app.pid()) - cpuBefore;
        long system = systemMillis(app.pid()) - systemBefore;
        Map<String, Double> threadsAfter = Cpu.byThread(app.pid());
        long self = cpuMillis(ProcessHandle.current().pid()) - selfBefore;
        Map<String, Call> byNumber = new ConcurrentHashMap<>();
        calls.forEach(c -> byNumber.put(c.number(), c));
        long[] fromAnswer = receipts.stream().filter(r -> byNumber.containsKey(r.number()))
                .mapToLong(r -> Math.max(0, r.at() - byNumber.get(r.number()).answeredAt())).toArray();
        long[] fromSending = receipts.stream().filter(r -> byNumber.containsKey(r.number()))
                .mapToLong(r -> r.at() - byNumber.get(r.number()).sentAt()).toArray();
        System.out.printf("%s: %d calls in %.1f s; %d of %d receipts%n", name, calls.size(), elapsed / 1e9,
                fromAnswer.length, (long) calls.size() * boards / 2);
        System.out.printf("  %.2f frames per board per call (a call and its complete are two events)%n",
                (double) (FRAMES.get() - framesBefore) / boards / calls.size());
        System.out.println("  call -> board, from the call's answer:  " + Percentiles.ofNanos(fromAnswer));
        System.out.println("  call -> board, from sending the call:   " + Percentiles.ofNanos(fromSending));
        System.out.printf("  server CPU %.2f ms per call (with its complete and 1,000 frames); bench client %.2f ms%n",
                (double) cpu / calls.size(), (double) self / calls.size());
        // the kernel's share is the sockets' writes (on loopback the receiving side's TCP work is charged here too)
        System.out.printf("  of which in the kernel %.2f ms; by thread (ms per call): %s; load average %s%n",
                (double) system / calls.size(), Cpu.topThreads(threadsBefore, threadsAfter, calls.size(), 6),
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** One call (and its complete) at a time, paced at the given rate, round the ten rooms. */
    private static List<Call> steady(BenchApp app, BenchApp.StaffCookie counter, int calls, double perSecond) throws Exception {
        List<Call> made = new ArrayList<>();
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            made.add(callAndComplete(app, counter, i % SERVES.length + 1));
        }
        return made;
    }

    /** Every two seconds, the ten rooms each call (and complete) once, all released at the same instant. */
    private static List<Call> spikes(BenchApp app, BenchApp.StaffCookie staff, int spikes) throws Exception {
        List<Call> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < spikes; i++) {
            long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            CountDownLatch go = new CountDownLatch(1);
            inEveryRoom(counter -> {
                go.await();
                made.add(callAndComplete(app, staff, counter));
            }, go::countDown);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        return made;
    }

    /** Ten rooms each calling and completing as fast as they can until the burst's calls are made. */
    private static List<Call> burst(BenchApp app, BenchApp.StaffCookie staff, int calls) throws Exception {
        List<Call> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger left = new AtomicInteger(calls);
        inEveryRoom(counter -> {
            while (left.getAndDecrement() > 0) {
                made.add(callAndComplete(app, staff, counter));
            }
        }, () -> { });
        return made;
    }

    private interface Room {
        void run(int counter) throws Exception;
    }

    /** Runs {@code room} on a thread of its own for each of the ten rooms (counters 1–10), {@code started} once all are. */
    private static void inEveryRoom(Room room, Runnable started) throws InterruptedException {
        List<Thread> rooms = new ArrayList<>();
        for (int counter = 1; counter <= SERVES.length; counter++) {
            int c = counter;
            Thread t = new Thread(() -> {
                try {
                    room.run(c);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            rooms.add(t);
        }
        started.run();
        for (Thread t : rooms) {
            t.join();
        }
    }

    private static Call callAndComplete(BenchApp app, BenchApp.StaffCookie staff, int counter) throws Exception {
        long sentAt = System.nanoTime();
        String body = app.postAs(staff, "/api/counters/" + counter + "/call-next", null).body();
        long answeredAt = System.nanoTime();
        Matcher n = NUMBER.matcher(body);
        Matcher t = ID.matcher(body);
        if (!n.find() || !t.find()) {
            throw new IllegalStateException("room " + counter + " (" + SERVES[counter - 1] + ") call-next answered " + body);
        }
        app.postAs(staff, "/api/tokens/" + t.group(1) + "/complete", null);
        return new Call(n.group(1), sentAt, answeredAt);
    }

    /** User plus system CPU of a process so far, in milliseconds ({@code /proc/<pid>/stat} fields 14 and 15). */
    static long cpuMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS;
    }

    /** System (kernel) CPU of a process so far, in milliseconds ({@code /proc/<pid>/stat} field 15). */
    static long systemMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[12]) * 1000 / CLOCK_TICKS;
    }

    /** {@code getconf CLK_TCK}: 100 on Linux. */
    private static final long CLOCK_TICKS = 100;

    private BoardFanOutBench() {
    }
}
