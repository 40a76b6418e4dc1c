package org.opdqueue.nodes;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Debian {@code redis-server} on a free port, with nothing saved to disk, for the tests of more than one node.
 * Missing, it fails the test with what to install: CI installs it ({@code .ci/run}), so a skip would hide a break.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    /** The server's pid, for a test that kills it (a system property: the test runs in another class loader). */
    public static final String PID = "opdtest.redis.pid";

    private Process redis;

    @Override
    public Map<String, String> start() {
        String binary = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server").stream()
                .filter(p -> new File(p).canExecute()).findFirst()
                .orElseThrow(() -> new IllegalStateException("redis-server is not installed: the two-node tests need it "
                        + "(apt-get install -y redis-server, as .ci/run does)"));
        int port = freePort();
        try {
            Path log = Path.of("target/two-nodes/redis-" + port + ".log");
            Files.createDirectories(log.getParent());
            redis = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--daemonize", "no").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!answers(port)) {
                if (!redis.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start; see " + log);
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        System.setProperty(PID, String.valueOf(redis.pid()));
        return Map.of("opd.redis.url", "redis://127.0.0.1:" + port,
                "quarkus.log.category.\"org.opdqueue.nodes\".level", "DEBUG");
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
