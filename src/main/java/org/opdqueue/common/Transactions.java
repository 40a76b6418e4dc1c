package org.opdqueue.common;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a command in its own transaction and retries it when the database reports a deadlock or a
 * lost optimistic lock: such a command did not happen, so running it again is safe.
 */
@ApplicationScoped
public class Transactions {

    private static final int ATTEMPTS = 6;

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

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
