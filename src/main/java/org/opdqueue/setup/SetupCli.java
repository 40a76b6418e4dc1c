package org.opdqueue.setup;

import java.util.Arrays;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Runs {@link SetupCommand} as a Quarkus command-mode application: Quarkus starts (configuration, the database,
 * Flyway), the command runs, and the process exits with its code. No HTTP port is opened.
 */
public class SetupCli implements QuarkusApplication {

    /** Quarkus makes the application main a bean, so this is injected (and keeps the command from being removed). */
    @Inject
    SetupCommand command;

    /** Called by the entry point for {@code setup …}; does not return (the process exits with the command's code). */
    public static void main(String... args) {
        defaultTo("quarkus.http.host-enabled", "false");
        defaultTo("quarkus.log.level", "WARN");
        defaultTo("quarkus.banner.enabled", "false");
        Quarkus.run(SetupCli.class, args);
    }

    @Override
    public int run(String... args) {
        return command.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
    }

    private static void defaultTo(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
