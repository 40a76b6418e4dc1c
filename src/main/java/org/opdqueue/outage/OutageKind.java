package org.opdqueue.outage;

/** What was down during an outage. Either way the hall worked on paper and offline kiosks. */
public enum OutageKind {
    /** The database could not be reached; the server ran in paper-token (DEGRADED) mode. */
    DATABASE("Database unreachable"),
    /** The server itself was not running or did not answer. */
    SERVER("Server down");

    private final String label;

    OutageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
