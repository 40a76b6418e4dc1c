package org.opdqueue.common;

import jakarta.enterprise.context.ApplicationScoped;

/** The hospital this installation serves; every query is scoped to its code. */
@ApplicationScoped
public class Facility {

    private final OpdConfig config;

    public Facility(OpdConfig config) {
        this.config = config;
    }

    public String code() {
        return config.facility().code();
    }

    public String name() {
        return config.facility().name();
    }
}
