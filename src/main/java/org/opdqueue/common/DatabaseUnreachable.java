package org.opdqueue.common;

/** Fired when a request failed because the database could not be reached, so the mode can switch at once. */
public record DatabaseUnreachable(String cause) {
}
