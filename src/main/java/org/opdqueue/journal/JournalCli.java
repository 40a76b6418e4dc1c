package org.opdqueue.journal;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code java -jar quarkus-run.jar journal verify}: an operator's check of the journal on the configured database,
 * without the web server. Read only: it seals nothing (the running server does), so it works with a user that may
 * only read the journal. Exit code 0 when intact, 1 when broken, 2 on wrong usage.
 */
public class JournalCli implements QuarkusApplication {

    static final String USAGE = "usage: java -jar quarkus-run.jar journal verify";

    @Inject
    JournalVerifier verifier;

    /** Called by the entry point for {@code journal …}; does not return (the process exits with the code). */
    public static void main(String... args) {
        defaultTo("quarkus.http.host-enabled", "false");
        defaultTo("quarkus.log.level", "WARN");
        defaultTo("quarkus.banner.enabled", "false");
        defaultTo("opd.journal.sealing", "false");
        defaultTo("opd.node.heartbeat.enabled", "false"); // a check is not a run of the server: no beat, no outage
        Quarkus.run(JournalCli.class, args);
    }

    @Override
    public int run(String... args) {
        if (!List.of(args).equals(List.of("journal", "verify"))) {
            System.err.println(USAGE);
            return 2;
        }
        JournalVerification result = verifier.verify();
        System.out.println(result.describe());
        return result.ok() ? 0 : 1;
    }

    private static void defaultTo(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
