package org.opdqueue.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes a start loads, loaded ahead of the main thread on the second core. Quarkus's class loader reads every
 * class's bytes from its jar and inflates them, even when the class-data archive holds the class (the JVM checks the
 * bytes' size and CRC for a custom loader's class): about half of the main thread's native samples at start. The
 * install's training start (the one that writes the class-data archive, see deploy/opd-queue.service) also writes,
 * with {@code -Xlog:class+load}, the list of what it loaded, {@value #LIST} beside {@code quarkus-run.jar}; a later
 * start finds it there and this thread loads those classes in that order, without initializing them, while the main
 * thread starts Quarkus. The loader is parallel capable: the main thread finds most classes loaded, and a class both
 * threads load at once is defined once.
 * No list, or a stale one after an upgrade (its missing classes are skipped): the start takes only as long as before.
 */
public final class StartUpClasses {

    /** Where the training start writes the list, beside the jar: the file's presence is the switch. */
    public static final String LIST = "start-classes.log";

    private StartUpClasses() {
    }

    /** Starts loading the list beside the jar this JVM runs ({@code java -jar …/quarkus-run.jar}), if there is one. */
    static void begin() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return; // not the packaged jar: tests, dev mode
        }
        Path list = Path.of(classPath).resolveSibling(LIST);
        if (!Files.isReadable(list)) {
            return;
        }
        Thread loading = new Thread(() -> {
            try {
                load(names(list), StartUpClasses.class.getClassLoader());
            } catch (IOException | RuntimeException | LinkageError e) {
                // only a head start: the main thread loads what it needs itself
            }
        }, "start-up-classes");
        loading.setDaemon(true);
        loading.start();
    }

    /**
     * The class names of a {@code -Xlog:class+load} file, in their order, of the classes read from the install's
     * jars ({@code source: file:…}; the JDK's own come from its archive or {@code jrt:} and load fast). Decorations
     * such as {@code [0.135s][info][class,load]} in front of a line are skipped.
     */
    static List<String> names(Path list) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(list)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line;
                while (entry.startsWith("[") && entry.indexOf(']') > 0) {
                    entry = entry.substring(entry.indexOf(']') + 1);
                }
                int source = entry.indexOf(" source: file:");
                if (source > 0) {
                    names.add(entry.substring(0, source).strip());
                }
            }
        }
        return names;
    }

    /** Loads (links nothing, initializes nothing) each class; names it cannot load are skipped. How many it loaded. */
    static int load(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // gone since the list was written (an upgrade), or not loadable here: the main thread decides
            }
        }
        return loaded;
    }
}
