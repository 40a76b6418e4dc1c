package org.opdqueue.setup;

import java.util.Arrays;

import jakarta.enterprise.inject.spi.CDI;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Runs {@link SetupCommand} as a Quarkus command-mode application: Quarkus starts (configuration, the database,
 * Flyway), the command runs, and the process exits with its code. No HTTP port is opened.
 */
public class SetupCli implements QuarkusApplication {

    /** Called by the entry point for {@code setup …}; does not return (the process exits with the command's code). */
    public static void main(String... args) {
        defaultTo("quarkus.http.host-enabled", "false");
        defaultTo("quarkus.log.level", "WARN");
        Quarkus.run(SetupCli.class, args);
    }

    @Override
    public int run(String... args) {
        return CDI.current().select(SetupCommand.class).get()
                .run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
    }

    private static void defaultTo(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
