package org.opdqueue.token;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/**
 * Group commit for issuing. Issues of one service take turns on its number row, and each turn used to end in
 * a commit that waits for the disk; under load the requests queued behind that lock now go through together,
 * in one transaction. A request joins its service's lane; the lane's runner takes everything waiting (up to
 * {@link #MOST_AT_ONCE}) and runs it as one batch, again and again until the lane is empty. Alone, a request is a
 * batch of one.
 *
 * <p>The runner is a thread of its own, not one of the waiting requests, so that no request waits longer than
 * {@code opd.issuing.answer-within} whatever the database does: with the database frozen, a batch hangs until the
 * socket times out and every request queued behind it would wait for that, batch after batch. A request not yet taken
 * when its time is up leaves the lane (nothing was written); one taken but unanswered is told that its outcome
 * is unknown. Both may be sent again with the same request id.
 *
 * <p>Lanes are a fixed set chosen by the service code's hash, so a flood of made-up codes cannot grow memory;
 * the services that share a lane share its batches (a batch bumps each of its services' number rows, in id order).
 * Few lanes ({@code opd.issuing.lanes}) make big batches: on the benchmark's two cores, six services
 * issuing at 64 connections committed 3.5 tokens a transaction over 32 lanes, 12 over two and 20 over one, and the
 * server spent 0.72–0.86, 0.60 and 0.56–0.63 ms of CPU a token (the database 0.55–0.69, 0.38 and 0.34). One lane runs
 * one batch at a time, so the database works on one core for all of issuing; two keep both busy and issued the most.
 */
final class IssuingLanes {

    static final int MOST_AT_ONCE = 64;

    /** One request waiting in a lane, and the answer it gets. */
    static final class Waiting {
        final IssueTokenRequest request;
        final String fingerprint;
        final String actor;
        /** Where the token takes its place in the queue when not now (an appointment's slot); null for now. */
        final java.time.Instant queueAt;
        /**
         * When the request came in (System.nanoTime): the time limit counts from then, so a request that waited to be
         * authenticated (a frozen database holds a staff member's look-up up to half a second) still hears within 3 s.
         */
        final long arrived;
        private final CompletableFuture<TokenIssuing.Issued> answer = new CompletableFuture<>();
        /**
         * {@link #WAITING} until its batch's transaction holds a connection ({@link #CONNECTED}: from then on a statement
         * may write its token), or until its time is up first ({@link #ABANDONED}: the batch leaves it out).
         */
        private final java.util.concurrent.atomic.AtomicInteger stage = new java.util.concurrent.atomic.AtomicInteger(WAITING);
        private static final int WAITING = 0;
        private static final int CONNECTED = 1;
        private static final int ABANDONED = 2;

        Waiting(IssueTokenRequest request, String actor) {
            this(request, actor, null);
        }

        Waiting(IssueTokenRequest request, String actor, java.time.Instant queueAt) {
            this(request, actor, queueAt, System.nanoTime());
        }

        Waiting(IssueTokenRequest request, String actor, java.time.Instant queueAt, long arrived) {
            this.arrived = arrived;
            this.request = request;
            this.fingerprint = request.fingerprint();
            this.actor = actor;
            this.queueAt = queueAt;
        }

        void answer(TokenIssuing.Issued issued) {
            answer.complete(issued);
        }

        void fail(RuntimeException e) {
            answer.completeExceptionally(e);
        }

        boolean answered() {
            return answer.isDone();
        }

        /** True when the batch may write it (again, for a batch tried twice); false once its time was up. */
        boolean connect() {
            return stage.compareAndSet(WAITING, CONNECTED) || stage.get() == CONNECTED;
        }

        /** Given up on before its batch got a connection: it will never be written. */
        boolean abandoned() {
            return stage.get() == ABANDONED;
        }

        private boolean abandon() {
            return stage.compareAndSet(WAITING, ABANDONED);
        }
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean();
    }

    private static final AtomicInteger RUNNERS = new AtomicInteger();

    private final Lane[] lanes;
    private final long answerWithinMillis;
    /** At most one runner per lane is busy at a time; the threads die after a minute without work. */
    private final ExecutorService runners = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "issuing-lane-" + RUNNERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * {@code answerWithinMillis}: a kiosk gives up after about 2 s and prints offline, so a refusal must reach it well
     * within 3 s ({@code opd.issuing.answer-within}); {@code laneCount}: {@code opd.issuing.lanes}, at least 1
     * ({@link IssuingLaneCount} refuses less at start-up).
     */
    IssuingLanes(long answerWithinMillis, int laneCount) {
        this.answerWithinMillis = answerWithinMillis;
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane();
        }
    }

    /** Queues the request in its service's lane and returns its answer once a batch has run it. */
    TokenIssuing.Issued issue(Waiting request, Consumer<List<Waiting>> runBatch) {
        try {
            return submit(request, runBatch).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Queues the request in its service's lane; the answer completes when a batch has run it, or with a problem once
     * {@code answerWithinMillis} have passed since it came in (at least half of that in the lane). Nobody waits on a
     * thread: the issue endpoint answers from the completion.
     */
    CompletableFuture<TokenIssuing.Issued> submit(Waiting request, Consumer<List<Waiting>> runBatch) {
        Lane lane = lanes[Math.floorMod(laneKey(request.request.serviceCode()).hashCode(), lanes.length)];
        lane.waiting.add(request);
        if (lane.running.compareAndSet(false, true)) {
            runners.execute(() -> run(lane, runBatch));
        }
        // from the request's arrival, but the lane always gets at least half of the limit: on a machine slow enough
        // that authenticating took a second, a healthy database should not lose the token for it
        long limit = TimeUnit.MILLISECONDS.toNanos(answerWithinMillis);
        long left = Math.max(limit / 2, limit - (System.nanoTime() - request.arrived));
        ScheduledFuture<?> timeUp = TIMER.schedule(() -> giveUp(lane, request), left, TimeUnit.NANOSECONDS);
        request.answer.whenComplete((issued, failure) -> timeUp.cancel(false));
        return request.answer;
    }

    /**
     * A request not yet taken leaves the lane (nothing was written); one taken but unanswered is told that its outcome
     * is unknown, and the batch's answer, if it ever comes, is dropped.
     */
    private void giveUp(Lane lane, Waiting request) {
        if (request.answered()) {
            return;
        }
        if (lane.waiting.remove(request)) {
            request.fail(new ProblemException(ProblemType.OVERLOADED, "The token was not issued: the database did not "
                    + "take it within " + answerWithinMillis + " ms."));
        } else if (request.abandon()) {
            // its batch is still waiting for a connection (a server gone, or refused as read-only): nothing written
            request.fail(new ProblemException(ProblemType.DEGRADED, "The token was not issued: the database gave no "
                    + "connection within " + answerWithinMillis + " ms."));
        } else {
            request.fail(new ProblemException(ProblemType.OUTCOME_UNKNOWN, "The database did not confirm the token within "
                    + answerWithinMillis + " ms, so it may or may not have been issued."));
        }
    }

    /** Gives up on requests whose time is up; one thread for every lane, each timer cancelled once answered. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "issuing-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs the lane's batches until it is empty; a request queued just as it stops starts the next runner. */
    private static void run(Lane lane, Consumer<List<Waiting>> runBatch) {
        while (true) {
            List<Waiting> batch = take(lane);
            if (batch.isEmpty()) {
                lane.running.set(false);
                if (lane.waiting.isEmpty() || !lane.running.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                runBatch.accept(batch);
            } catch (RuntimeException e) {
                batch.forEach(w -> w.fail(e));
            } catch (Throwable e) {
                batch.forEach(w -> w.fail(new IllegalStateException(e)));
                lane.running.set(false);
                throw e;
            }
        }
    }

    private static List<Waiting> take(Lane lane) {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting w; batch.size() < MOST_AT_ONCE && (w = lane.waiting.poll()) != null;) {
            batch.add(w);
        }
        return batch;
    }

    private static String laneKey(String serviceCode) {
        return serviceCode == null ? "" : serviceCode.strip().toUpperCase();
    }
}
