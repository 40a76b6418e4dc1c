package org.opdqueue.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the web apps' own unit tests (Node's built-in runner, no npm packages) as part of the test command. */
class WebAppUnitTest {

    @Test
    void kioskBoardAndOfflineConsoleUnitTestsPass() throws Exception {
        runNodeTests("--test", "kiosk-ui/test/", "display-board/test/", "console-offline/test/");
    }

    /** The staff pages import by the addresses the app serves them at; served-paths.mjs maps those to this repo. */
    @Test
    void sharedModulesAndStaffPagesUnitTestsPass() throws Exception {
        runNodeTests("--import", "./src/test/js/served-paths.mjs", "--test", "shared/test/", "src/test/js/pages/");
    }

    private static void runNodeTests(String... arguments) throws Exception {
        String node = findNode();
        if (node == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("node not found: the web apps' unit tests cannot run");
            }
            Assumptions.abort("node not installed: the web apps' unit tests are skipped");
        }
        List<String> command = new ArrayList<>(List.of(node));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output.lines().filter(l -> l.startsWith("# ")).reduce("", (a, b) -> a + b + "\n"));
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0");
    }

    private static String findNode() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "node");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
