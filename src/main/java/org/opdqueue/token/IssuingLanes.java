package org.opdqueue.token;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for issuing. Issues of one service take turns on its number row, and each turn used to end in
 * a commit that waits for the disk; under load the requests queued behind that lock now go through together,
 * in one transaction. A request joins its service's lane; whichever request finds the lane free leads: it takes
 * everything waiting (up to {@link #MOST_AT_ONCE}) and runs it as one batch, until its own request is done.
 * The others sleep until their answer comes or the leader, leaving, wakes the longest waiting one to lead next.
 * Alone, a request is a batch of one.
 *
 * <p>Lanes are a fixed set chosen by the service code's hash, so a flood of made-up codes cannot grow memory;
 * two services that share a lane share its batches.
 */
final class IssuingLanes {

    static final int MOST_AT_ONCE = 64;
    private static final int LANES = 32;
    private static final long HAND_OVER_GRACE_NANOS = 20_000_000;

    /** One request waiting in a lane, and the answer it gets. */
    static final class Waiting {
        final IssueTokenRequest request;
        final String fingerprint;
        final String actor;
        private final CompletableFuture<TokenIssuing.Issued> answer = new CompletableFuture<>();
        private final Thread owner = Thread.currentThread();

        Waiting(IssueTokenRequest request, String actor) {
            this.request = request;
            this.fingerprint = request.fingerprint();
            this.actor = actor;
        }

        void answer(TokenIssuing.Issued issued) {
            answer.complete(issued);
            LockSupport.unpark(owner);
        }

        void fail(RuntimeException e) {
            answer.completeExceptionally(e);
            LockSupport.unpark(owner);
        }

        boolean answered() {
            return answer.isDone();
        }
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final ReentrantLock leading = new ReentrantLock();
    }

    private final Lane[] lanes = new Lane[LANES];

    IssuingLanes() {
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /** Queues the request in its service's lane and returns its answer once a batch has run it. */
    TokenIssuing.Issued issue(Waiting request, Consumer<List<Waiting>> runBatch) {
        Lane lane = lanes[Math.floorMod(laneKey(request.request.serviceCode()).hashCode(), LANES)];
        lane.waiting.add(request);
        while (!request.answered()) {
            if (lane.leading.tryLock()) {
                try {
                    while (!request.answered()) {
                        List<Waiting> batch = take(lane);
                        if (batch.isEmpty()) {
                            break;
                        }
                        runBatch.accept(batch);
                    }
                } finally {
                    lane.leading.unlock();
                }
                // hand the lane to the longest waiting request, if any
                Waiting next = lane.waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner);
                }
            } else {
                // woken by its answer or by its turn to lead; the timeout only covers a hand-over that raced
                LockSupport.parkNanos(this, HAND_OVER_GRACE_NANOS);
            }
        }
        try {
            return request.answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
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
