package org.opdqueue.setup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.ProblemException;

/**
 * {@code setup export FILE} and {@code setup import FILE [--dry-run]} for an operator on the server, working on the
 * database directly, without the web server. An import is journaled as done by {@code cli:<os user>}.
 */
@ApplicationScoped
public class SetupCommand {

    static final String USAGE = """
            usage: java -jar quarkus-run.jar setup export FILE            (FILE '-' writes to standard output)
                   java -jar quarkus-run.jar setup import FILE [--dry-run]""";

    private final SetupExport export;
    private final SetupImport importer;
    private final SetupFiles files;

    public SetupCommand(SetupExport export, SetupImport importer, SetupFiles files) {
        this.export = export;
        this.importer = importer;
        this.files = files;
    }

    /** @param args what follows {@code setup} on the command line; returns the process's exit code */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean dryRun = args.contains("--dry-run");
        List<String> words = args.stream().filter(a -> !a.equals("--dry-run")).toList();
        if (words.size() != 2 || !(words.get(0).equals("export") || words.get(0).equals("import"))
                || (dryRun && words.get(0).equals("export"))) {
            err.println(USAGE);
            return 2;
        }
        try {
            return words.get(0).equals("export") ? export(words.get(1), out) : load(Path.of(words.get(1)), dryRun, out);
        } catch (ProblemException e) {
            err.println("Refused: " + e.getMessage());
            e.errors().forEach(f -> err.println("  " + f.field() + ": " + f.message()));
            return 1;
        } catch (IOException e) {
            err.println("Could not " + words.get(0) + " " + words.get(1) + ": " + e);
            return 1;
        }
    }

    private int export(String file, PrintStream out) throws IOException {
        SetupDocument doc = export.export();
        byte[] json = files.write(doc);
        if (file.equals("-")) {
            out.write(json);
            out.println();
            return 0;
        }
        Files.write(Path.of(file), json);
        out.printf("Wrote the set-up of %s to %s: %d services, %d counters, %d boards, %d devices, %d staff.%n",
                doc.facility(), file, doc.servicesOrNone().size(), doc.countersOrNone().size(), doc.boardsOrNone().size(),
                doc.devicesOrNone().size(), doc.staffOrNone().size());
        return 0;
    }

    private int load(Path file, boolean dryRun, PrintStream out) throws IOException {
        SetupResult result = importer.apply(files.read(Files.readAllBytes(file)), dryRun, actor());
        result.changes().forEach(c -> out.println("  " + c.describe()));
        out.printf("%s: %d change%s%s.%n", result.facility(), result.changes().size(),
                result.changes().size() == 1 ? "" : "s", dryRun ? " would be made (dry run: nothing was changed)" : " applied");
        if (!result.needsPassword().isEmpty()) {
            out.println("No password yet (set one on /admin/staff): " + String.join(", ", result.needsPassword()));
        }
        out.println(result.note().substring(0, result.note().indexOf('.') + 1));
        return 0;
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
