package org.opdqueue.archive;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code archive new-key} and {@code archive verify --from DIR [--key KEY]}: an operator's commands that need no
 * database, so they run on any PC that can see the archive (the monthly rehearsal starts with them).
 */
public final class ArchiveCli {

    static final String USAGE = """
            usage: java -jar quarkus-run.jar archive new-key
                   java -jar quarkus-run.jar archive verify --from DIR [--key KEY]
                   java -jar quarkus-run.jar restore --from DIR --key KEY   (on a new server with an empty database)""";

    private ArchiveCli() {
    }

    /** @param args the whole command line, {@code archive …}; returns the exit code */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.equals(List.of("archive", "new-key"))) {
            out.println(ArchiveKeyStore.newKeyNotice(ArchiveKeys.newKey()));
            return 0;
        }
        Optional<String> from = option(args, "--from");
        if (args.size() < 2 || !args.get(1).equals("verify") || from.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            ArchiveReader.Verified verified = ArchiveReader.verify(new DirectoryTarget(Path.of(from.get())));
            Optional<String> key = option(args, "--key").or(() -> Optional.ofNullable(System.getenv("OPD_ARCHIVE_KEY")));
            for (Segment s : key.isPresent() ? verified.segments() : List.<Segment>of()) {
                s.open(key.get());
            }
            out.printf("OK: %d segments, %d entries, up to seq %d, chain hash %s; latest set-up %s%s.%n",
                    verified.segments().size(), verified.entries(), verified.last().lastSeq(), verified.last().chainHash(),
                    verified.latestSetup(), key.isPresent() ? "; every patient detail opens with the key" : "");
            return 0;
        } catch (Segment.Damaged | SegmentCipher.WrongKey | IllegalArgumentException e) {
            out.println("BROKEN: " + e.getMessage());
            return 1;
        }
    }

    static Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i < 0 || i + 1 >= args.size() ? Optional.empty() : Optional.of(args.get(i + 1));
    }
}
