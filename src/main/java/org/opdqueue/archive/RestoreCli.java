package org.opdqueue.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code java -jar quarkus-run.jar restore --from DIR --key KEY}: restores the archive into the configured, empty
 * database, as a Quarkus command (Flyway makes the tables; no HTTP port, no sealing, no shipping while it runs).
 * Exit code 0 when restored, 1 when refused or failed, 2 on wrong usage; the entry point then starts the server.
 */
public class RestoreCli implements QuarkusApplication {

    /** The settings of the restore alone, taken back before the server starts. */
    private static final List<String> SET_HERE = new java.util.ArrayList<>();

    @Inject
    ArchiveRestore restore;

    /** The first word of the restore run in its own JVM ({@link #inChildProcess}). */
    public static final String ONLY = "restore-only";

    /**
     * Runs the restore in a JVM of its own, with this one's settings, and returns its exit code: Quarkus starts once per
     * JVM, and this one starts the server on the restored database next. The key goes by environment, not command line.
     */
    public static int inChildProcess(String... args) throws java.io.IOException, InterruptedException {
        List<String> words = List.of(args);
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command()
                .orElse(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString())));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-jar", System.getProperty("java.class.path"), ONLY, "--from",
                ArchiveCli.option(words, "--from").orElse("")));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        ArchiveCli.option(words, "--key").ifPresent(key -> child.environment().put("OPD_ARCHIVE_KEY", key));
        return child.start().waitFor();
    }

    /** Runs the restore and returns its exit code. */
    public static int main(String... args) {
        defaultTo("quarkus.http.host-enabled", "false");
        defaultTo("quarkus.log.level", "WARN");
        defaultTo("quarkus.banner.enabled", "false");
        defaultTo("opd.journal.sealing", "false");
        defaultTo("opd.archive.enabled", "false");
        defaultTo("opd.node.heartbeat.enabled", "false");
        defaultTo("opd.demo.seed", "false");
        defaultTo("%demo.opd.demo.seed", "false"); // the demo's seed would make the database not empty
        int[] code = { 1 };
        Quarkus.run(RestoreCli.class, (exit, failure) -> {
            code[0] = failure == null ? exit : 1;
            if (failure != null) {
                failure.printStackTrace();
            }
        }, args);
        SET_HERE.forEach(System::clearProperty); // the server that starts next runs as configured
        return code[0];
    }

    @Override
    public int run(String... args) {
        List<String> words = List.of(args);
        Optional<String> from = ArchiveCli.option(words, "--from");
        Optional<String> key = ArchiveCli.option(words, "--key").or(() -> Optional.ofNullable(System.getenv("OPD_ARCHIVE_KEY")));
        if (words.isEmpty() || !(words.get(0).equals("restore") || words.get(0).equals(ONLY)) || from.isEmpty()
                || key.isEmpty()) {
            System.err.println(ArchiveCli.USAGE);
            return 2;
        }
        try {
            ArchiveRestore.Restored done = restore.restore(new DirectoryTarget(Path.of(from.get())), key.get(), System.out);
            System.out.printf("Restored %d entries from %d segments (up to seq %d), set-up %s, %d tokens. Journal: %s%n",
                    done.entries(), done.segments(), done.lastSeq(), done.setup(), done.tokens(), done.journal());
            return 0;
        } catch (ArchiveRestore.Refused e) {
            System.err.println("Refused: " + e.getMessage());
            return 1;
        }
    }

    private static void defaultTo(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
            SET_HERE.add(property);
        }
    }
}
