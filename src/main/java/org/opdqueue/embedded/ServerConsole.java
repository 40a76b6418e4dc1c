package org.opdqueue.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Reads what a MariaDB program prints: tells when the server is ready, and keeps the last lines for the message
 * when it is not. Its own errors are logged; its routine notes only at DEBUG.
 */
final class ServerConsole implements Runnable {

    private static final Logger LOG = Logger.getLogger("org.opdqueue.embedded.mariadbd");
    private static final int KEPT_LINES = 30;

    private final Process process;
    private final String program;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CountDownLatch readyOrGone = new CountDownLatch(1);
    private volatile boolean ready;

    private ServerConsole(Process process, String program) {
        this.process = process;
        this.program = program;
    }

    static ServerConsole follow(Process process, String program) {
        ServerConsole console = new ServerConsole(process, program);
        Thread reader = new Thread(console, program + "-console-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return console;
    }

    @Override
    public void run() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                remember(line);
                if (line.contains("[ERROR]")) {
                    LOG.warnf("%s: %s", program, line);
                } else {
                    LOG.debugf("%s: %s", program, line);
                }
                if (line.contains(": ready for connections.")) {
                    ready = true;
                    readyOrGone.countDown();
                }
            }
        } catch (IOException e) {
            // the program is gone
        } finally {
            readyOrGone.countDown();
        }
    }

    /** True once the server says it is ready for connections; false if it exits or the time runs out first. */
    boolean awaitReady(Duration max) throws InterruptedException {
        readyOrGone.await(max.toMillis(), TimeUnit.MILLISECONDS);
        return ready;
    }

    synchronized String lastLines() {
        return String.join("\n", lastLines);
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }
}
