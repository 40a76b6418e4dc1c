package org.opdqueue.nodes;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Not a test of its own (the name keeps it out of surefire's run): the second node's app, running until told to stop. */
@QuarkusTest
class SecondNodeApp {

    static final String READY = "SECOND NODE READY";

    /** Runs until the parent closes this process's standard input (or dies, which closes it too). */
    @Test
    void runsUntilTheParentLetsGo() throws Exception {
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // nothing is sent; end of input is the signal
        }
    }
}
