package org.opdqueue.limits;

import java.time.Duration;

/**
 * One kind of limit: {@code tokens} per {@code per} for each key (a kiosk, a client address), refilled evenly; its
 * name keeps its keys apart from the other kinds' in Redis. {@code keysRemembered} bounds this node's own buckets
 * (an attacker on the LAN can change address at will), which forget a key unused for {@code forgetAfter}.
 */
public record Allowance(String name, int tokens, Duration per, int keysRemembered, Duration forgetAfter) {

    public Allowance {
        if (tokens < 1 || per.isNegative() || per.isZero() || keysRemembered < 1 || name.contains(":")) {
            throw new IllegalArgumentException("Allowance " + name + ": " + tokens + " per " + per);
        }
    }

    public static Allowance of(String name, int tokens, Duration per) {
        return new Allowance(name, tokens, per, 10_000, per.compareTo(Duration.ofHours(1)) > 0 ? per : Duration.ofHours(1));
    }

    public Allowance remembering(int keys) {
        return new Allowance(name, tokens, per, keys, forgetAfter);
    }

    public Allowance forgettingAfter(Duration unused) {
        return new Allowance(name, tokens, per, keysRemembered, unused);
    }

    /** The even spacing of tokens, in microseconds (at least one). */
    long intervalMicros() {
        return Math.max(1, per.toNanos() / 1000 / tokens);
    }
}
