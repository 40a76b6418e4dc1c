package org.opdqueue.bench;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * Call → board latency: connects 1,000 board clients (split over the demo's two halls), makes 1,000 calls and
 * measures, for every board that shows the call, the time from sending the call to the board receiving it.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=BoardLatencyBench}
 */
public final class BoardLatencyBench {

    /** A thousand boards from one address: far over the caps a hospital needs, so they are raised for the bench. */
    static final String[] MANY_BOARDS = { "-Dopd.display.max-connections=5000",
            "-Dopd.display.max-connections-per-address=5000" };

    public static void main(String[] args) throws Exception {
        int boards = Integer.getInteger("boards", 1000);
        int calls = Integer.getInteger("calls", 1000);
        try (BenchApp app = BenchApp.start(18080, 13307, MANY_BOARDS)) {
            System.out.println(run(app, boards, calls));
        }
        System.exit(0);
    }

    static Percentiles run(BenchApp app, int boards, int calls) throws Exception {
        // hall A shows MED (Room 1 = counter 1), hall B shows ENT (Room 6 = counter 6)
        String[][] lanes = { { "MED", "1", "1" }, { "ENT", "6", "2" } };
        // logged in once, as the console is: HTTP Basic would run the password hash on every call
        BenchApp.StaffCookie staff = app.logIn("counter1", "counter123");
        for (int i = 0; i < calls; i++) {
            String service = lanes[i % 2][0];
            app.postAs(staff, "/api/tokens", "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"" + service + "\"}");
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<BoardFanOutBench.Receipt> receipts = new ConcurrentLinkedQueue<>();
        // the boards held on one Vert.x event loop in this process, which stamps each frame as it arrives: a client
        // with a thread pool and a listener per socket (java.net.http) took 34-38 ms of the two cores' CPU a call
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        BoardFanOutBench.connect(vertx, app, boards, receipts);
        System.out.printf("%d boards connected%n", boards);
        Pattern number = Pattern.compile("\"number\":\"([A-Z0-9-]+)\"");
        Pattern id = Pattern.compile("\"id\":(\\d+)");
        for (int i = 0; i < calls; i++) {
            String counter = lanes[i % 2][1];
            // the queue holds only general tokens issued in order, so the number called next is known in advance
            String expected = String.format("%s-%03d", lanes[i % 2][0], i / 2 + 1);
            sentAt.put(expected, System.nanoTime());
            String body = app.postAs(staff, "/api/counters/" + counter + "/call-next", null).body();
            answeredAt.put(expected, System.nanoTime());
            Matcher n = number.matcher(body);
            Matcher t = id.matcher(body);
            if (!n.find() || !t.find() || !n.group(1).equals(expected)) {
                throw new IllegalStateException("expected " + expected + ", call-next answered " + body);
            }
            app.postAs(staff, "/api/tokens/" + t.group(1) + "/complete", null);
        }
        Thread.sleep(2000);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long expectedReceipts = (long) calls * boards / 2;
        if (receipts.size() != expectedReceipts) {
            System.out.printf("WARNING: %d of %d expected receipts%n", receipts.size(), expectedReceipts);
        }
        long[] fromRequest = receipts.stream().mapToLong(r -> r.at() - sentAt.get(r.number())).toArray();
        // a board may hear of the call before the caller has its answer: that counts as zero
        long[] fromAnswer = receipts.stream()
                .mapToLong(r -> Math.max(0, r.at() - answeredAt.get(r.number()))).toArray();
        System.out.println("from sending the call:  " + Percentiles.ofNanos(fromRequest));
        System.out.println("from the call's answer: " + Percentiles.ofNanos(fromAnswer));
        return Percentiles.ofNanos(fromAnswer);
    }

    private BoardLatencyBench() {
    }
}
