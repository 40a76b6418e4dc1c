package org.opdqueue.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A transaction of its own, on another thread, that does its work and then stays open until {@link #commit}: a
 * journal entry whose seq is taken now but committed late (two counters calling at once).
 */
public final class OpenTransaction<T> {

    private final CompletableFuture<T> worked = new CompletableFuture<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> committed;

    private OpenTransaction(Supplier<T> work) {
        committed = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            worked.complete(work.get());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    public static <T> OpenTransaction<T> begin(Supplier<T> work) {
        return new OpenTransaction<>(work);
    }

    /** What the work returned, once it is done (the transaction still open). */
    public T worked() throws Exception {
        return worked.get(10, TimeUnit.SECONDS);
    }

    /** Lets the transaction commit, and returns once it has (its after-commit observers included). */
    public void commit() {
        release.countDown();
        committed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Lets it go without waiting, whatever happened (for a finally block). */
    public void release() {
        release.countDown();
    }
}
