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

    @Inject
    ArchiveRestore restore;

    /** Runs the restore and returns its exit code; the JVM stays up for the server to start next. */
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
        for (String p : List.of("quarkus.http.host-enabled", "quarkus.log.level", "quarkus.banner.enabled",
                "opd.journal.sealing", "opd.archive.enabled", "opd.node.heartbeat.enabled", "opd.demo.seed",
                "%demo.opd.demo.seed")) {
            if (Boolean.getBoolean("opd.restore.set." + p)) {
                System.clearProperty(p);
            }
        }
        return code[0];
    }

    @Override
    public int run(String... args) {
        List<String> words = List.of(args);
        Optional<String> from = ArchiveCli.option(words, "--from");
        Optional<String> key = ArchiveCli.option(words, "--key").or(() -> Optional.ofNullable(System.getenv("OPD_ARCHIVE_KEY")));
        if (words.isEmpty() || !words.get(0).equals("restore") || from.isEmpty() || key.isEmpty()) {
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
            System.setProperty("opd.restore.set." + property, "true");
        }
    }
}
