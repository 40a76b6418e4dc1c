package org.opdqueue.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.opdqueue.embedded.EmbeddedMariaDb;

/**
 * The embedded mariadbd as an operating system process, for fault tests: frozen (SIGSTOP, a server that hangs
 * with its sockets open, as under a stalled disk or a debugger), thawed (SIGCONT) or killed (SIGKILL).
 */
public final class DatabaseProcess {

    private final EmbeddedMariaDb db;

    private DatabaseProcess(EmbeddedMariaDb db) {
        this.db = db;
    }

    public static DatabaseProcess of(EmbeddedMariaDb db) {
        return new DatabaseProcess(db);
    }

    public void freeze() {
        signal("-STOP");
    }

    public void thaw() {
        signal("-CONT");
    }

    /** kill -9: no clean shutdown, crash recovery at the next start ({@link EmbeddedMariaDb#restart()}). */
    public void kill() {
        ProcessHandle server = process();
        server.destroyForcibly();
        server.onExit().join();
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process().pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessHandle process() {
        String port = "--port=" + db.port();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("mariadbd")
                        && p.info().commandLine().orElse("").contains(port))
                .findFirst().orElseThrow(() -> new IllegalStateException("no mariadbd with " + port));
    }
}
