package org.opdqueue.common;

/** Whether the database is thought reachable right now; told apart from a busy one when a request fails. */
public interface DatabaseHealth {

    boolean reachable();
}
