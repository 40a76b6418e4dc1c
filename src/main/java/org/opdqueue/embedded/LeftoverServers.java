package org.opdqueue.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * mariadbd outlives a JVM that is killed (kill -9, a crash, the power button of the process manager): it goes on
 * holding the port and the data directory. The next start finds it by its command line, which names the data
 * directory, and stops it cleanly before starting its own; two servers on one data directory would corrupt it.
 * Stopping rather than reusing it, so that the running server is always one this JVM started with its own
 * settings, whose output it reads and which it stops on the way out.
 */
final class LeftoverServers {

    private static final Logger LOG = Logger.getLogger(LeftoverServers.class);

    /** A clean InnoDB shutdown takes seconds; a server that ignores SIGTERM for this long is killed. */
    private static final Duration STOP_WAIT = Duration.ofMinutes(1);

    private LeftoverServers() {
    }

    /** Stops every server an earlier, dead run left on {@code dataDir}; refuses if a live program owns one. */
    static void stopOrphansOn(File dataDir) {
        for (ProcessHandle server : runningOn(dataDir)) {
            Optional<ProcessHandle> owner = server.parent().filter(LeftoverServers::isJava);
            if (owner.isPresent()) {
                throw new IllegalStateException("The embedded database in " + dataDir + " is in use by mariadbd (pid "
                        + server.pid() + ") of the running Java program with pid " + owner.get().pid()
                        + "; stop that program first, or give this one another opd.embedded-db.data-dir");
            }
            long began = System.nanoTime();
            terminate(server);
            LOG.warnf("Found mariadbd (pid %d) still running on %s, left by an earlier run that did not stop cleanly;"
                    + " stopped it cleanly in %.1f s and starting a new one on the same data",
                    server.pid(), dataDir, (System.nanoTime() - began) / 1e9);
        }
    }

    /** The mariadbd processes whose {@code --datadir} is {@code dataDir} (read from /proc/<pid>/cmdline). */
    static List<ProcessHandle> runningOn(File dataDir) {
        Path wanted = canonical(dataDir.toPath());
        return ProcessHandle.allProcesses()
                .filter(p -> isServerOn(commandLine(p.pid()), wanted))
                .toList();
    }

    /** SIGTERM, so InnoDB shuts down cleanly; SIGKILL only for a server that ignores it (crash recovery then). */
    static void terminate(ProcessHandle server) {
        server.destroy();
        try {
            server.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("mariadbd (pid %d) did not stop within %d s; killing it", server.pid(), STOP_WAIT.toSeconds());
            server.destroyForcibly();
            server.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping mariadbd " + server.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isServerOn(List<String> commandLine, Path dataDir) {
        if (commandLine.isEmpty() || !isServerProgram(commandLine.get(0))) {
            return false;
        }
        return commandLine.stream()
                .filter(arg -> arg.startsWith("--datadir="))
                .anyMatch(arg -> canonical(Path.of(arg.substring("--datadir=".length()))).equals(dataDir));
    }

    private static boolean isServerProgram(String program) {
        return programName(program).equals("mariadbd") || programName(program).equals("mysqld");
    }

    private static boolean isJava(ProcessHandle process) {
        List<String> commandLine = commandLine(process.pid());
        return !commandLine.isEmpty() && programName(commandLine.get(0)).equals("java");
    }

    private static String programName(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }

    private static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // gone meanwhile, or not ours to read
        }
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
