package org.opdqueue.notify;

import java.util.List;

/**
 * One way to reach patients (a bean per way: the built-in SMS gateway, signed webhooks). The runner asks each for
 * its targets when an event happens, and hands each delivery to the sender that serves its target.
 */
public interface NotificationSender {

    /** What an attempt came to: a 2xx is sent; anything else is tried again later. */
    record Attempt(boolean sent, Integer statusCode, String error) {
        public static Attempt of(int statusCode, String answer) {
            boolean ok = statusCode >= 200 && statusCode < 300;
            return new Attempt(ok, statusCode, ok ? null : "answered " + statusCode + clip(answer));
        }

        public static Attempt failed(String error) {
            return new Attempt(false, null, error);
        }

        private static String clip(String answer) {
            if (answer == null || answer.isBlank()) {
                return "";
            }
            String one = answer.strip().replaceAll("\\s+", " ");
            return ": " + (one.length() > 200 ? one.substring(0, 200) + "…" : one);
        }
    }

    /** The targets this sender would deliver a new event to now (none while it is not set up). */
    List<String> targets();

    boolean serves(String target);

    /** Sends once, within a few seconds; never throws for the receiver's faults. */
    Attempt send(Delivery delivery, Notice notice);
}
