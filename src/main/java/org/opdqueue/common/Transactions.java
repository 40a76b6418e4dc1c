package org.opdqueue.common;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs commands in their own transactions, with two retry policies and no other:
 * <ul>
 * <li>{@link #run}: a deadlock or a lost optimistic lock means the command did not happen, so it runs again.</li>
 * <li>{@link #runOrSettle} / {@link #runOrReplay}: a {@link LostRace} (a concurrent twin of the command committed
 * first, and a unique key refused this one) is settled by reading again what the twin made.</li>
 * </ul>
 * Any other failure surfaces as it is, once: a lost database goes the DatabaseUnreachable (503) way at once, and a
 * refusal ({@link ProblemException}) is never retried.
 */
@ApplicationScoped
public class Transactions {

    private static final int ATTEMPTS = 6;

    /** A failure that means a concurrent twin of the command committed first, so that reading again settles it. */
    public record LostRace(String name, Predicate<Throwable> recognises) {

        /** Any unique key refused the write: the same request (or outbox) was committed by another thread first. */
        public static final LostRace DUPLICATE_KEY = new LostRace("a unique key refused the write", Failures::isDuplicateKey);

        boolean by(RuntimeException e) {
            return !(e instanceof ProblemException) && recognises.test(e);
        }
    }

    /** Runs the command in a new transaction, again (up to six times, backing off) while it loses to contention. */
    public <T> T run(Supplier<T> command) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(command::get);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !Failures.isContention(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * Runs the command; if it lost {@code race}, answers with {@code settle} in a new transaction, which sees what the
     * winner committed (and may throw: e.g. "already entered by …", or the original failure when it finds nothing).
     */
    public <T> T runOrSettle(Supplier<T> command, LostRace race, Function<RuntimeException, T> settle) {
        try {
            return run(command);
        } catch (RuntimeException e) {
            if (!race.by(e)) {
                throw e;
            }
            return run(() -> settle.apply(e));
        }
    }

    /**
     * Runs an idempotent command (the replay of an outbox) and, if it lost {@code race}, once more: the second run
     * finds the twin's rows and answers them as duplicates.
     */
    public <T> T runOrReplay(Supplier<T> command, LostRace race) {
        return runOrSettle(command, race, lost -> command.get());
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
