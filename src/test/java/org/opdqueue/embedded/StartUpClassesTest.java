package org.opdqueue.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartUpClassesTest {

    @Test
    void theListHoldsTheClassesReadFromTheInstallsJarsInTheirOrder(@TempDir Path dir) throws Exception {
        Path list = dir.resolve(StartUpClasses.LIST);
        Files.writeString(list, """
                [0.011s][info][class,load] opened: /opt/opd-queue/quarkus-app/quarkus-run.jar
                java.lang.Object source: shared objects file
                [0.073s][info][class,load] io.quarkus.bootstrap.runner.RunnerClassLoader source: file:/opt/opd-queue/quarkus-app/lib/boot/io.quarkus.quarkus-bootstrap-runner-3.33.2.jar
                jdk.internal.misc.Foo source: jrt:/java.base
                org.opdqueue.embedded.OpdApplication source: file:/opt/opd-queue/quarkus-app/app/opd-queue-0.1.0.jar
                io.vertx.core.impl.Foo$1 source: file:/opt/opd-queue/quarkus-app/lib/main/io.vertx.vertx-core-4.5.jar
                java.lang.invoke.LambdaForm$MH/0x0000 source: __JVM_LookupDefineClass__
                """);
        assertEquals(List.of("io.quarkus.bootstrap.runner.RunnerClassLoader", "org.opdqueue.embedded.OpdApplication",
                "io.vertx.core.impl.Foo$1"), StartUpClasses.names(list));
    }

    static boolean initialized;

    static class Heavy {
        static {
            initialized = true;
        }
    }

    @Test
    void itLoadsWithoutInitializingAndSkipsWhatIsGone() throws Exception {
        int loaded = StartUpClasses.load(List.of("org.opdqueue.embedded.StartUpClassesTest$Gone",
                "org.opdqueue.embedded.StartUpClassesTest$Heavy"), getClass().getClassLoader());
        assertEquals(1, loaded);
        assertFalse(initialized, "loaded ahead, initialized only when the main thread first uses it");
    }
}
