package org.opdqueue.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Days years back that no other test of this JVM has been given: the report, outage and appointment tests each write a
 * small day of their own and count it, so two of them on one day would count each other's tokens and outages. Picking
 * a random day was not enough (twenty-odd picks over a few thousand days collide in about one suite run in a hundred:
 * a duplicate outage start in CI on 2026-12-02).
 */
public final class PastDays {

    /** The days handed out, kept as a system property so that every Quarkus class loader of the JVM sees them. */
    private static final String TAKEN = "opdtest.past-days-taken";

    private PastDays() {
    }

    /** A day between {@code fromDaysBack} and {@code fromDaysBack + span} days before today that no test has had. */
    public static LocalDate unused(ZoneId zone, int fromDaysBack, int span) {
        return unused(zone, fromDaysBack, span, 1, day -> true);
    }

    /**
     * The first of {@code length} consecutive days, all in that window and none of them given before, the first one
     * also {@code fitting}; all of them are taken.
     */
    public static LocalDate unused(ZoneId zone, int fromDaysBack, int span, int length, Predicate<LocalDate> fitting) {
        LocalDate today = LocalDate.now(zone);
        synchronized (System.getProperties()) {
            Set<Long> taken = Arrays.stream(System.getProperty(TAKEN, "").split(",")).filter(s -> !s.isEmpty())
                    .map(Long::valueOf).collect(Collectors.toCollection(HashSet::new));
            for (int attempt = 0; attempt < 10_000; attempt++) {
                LocalDate first = today.minusDays(fromDaysBack + length - 1
                        + ThreadLocalRandom.current().nextInt(span - length + 1)); // the last one in the window too
                if (!fitting.test(first)) {
                    continue;
                }
                boolean free = true;
                for (int i = 0; i < length && free; i++) {
                    free = !taken.contains(first.plusDays(i).toEpochDay());
                }
                if (free) {
                    for (int i = 0; i < length; i++) {
                        taken.add(first.plusDays(i).toEpochDay());
                    }
                    System.setProperty(TAKEN, taken.stream().map(String::valueOf).collect(Collectors.joining(",")));
                    return first;
                }
            }
            throw new IllegalStateException("no free day left " + fromDaysBack + " to " + (fromDaysBack + span)
                    + " days back");
        }
    }
}
