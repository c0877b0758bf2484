package org.portzero.containers.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dead sandbox is explained by its sentry's own log. The log here is the head and the panic of a real
 * one: Debian sid's runsc build (Go 1.26.2) dying under the runner on this machine.
 */
class SandboxLogTest {

    private static final String CONTAINER = "c9b9e968cbc3851ea139a1d577c143591cce79d36b0165632dd16993243baf60";

    @TempDir
    Path logs;

    private void copyBootLog(String name) throws IOException {
        try (InputStream in = SandboxLogTest.class.getResourceAsStream("runsc-sid-panic.boot.txt")) {
            Files.copy(in, logs.resolve(name));
        }
    }

    @Test
    void thePanicLineAndItsFrameAreFoundByContainerId() throws IOException {
        copyBootLog("runsc.log.20261202-103259.669546.boot.txt");
        Files.writeString(logs.resolve("runsc.log.20261202-103259.669546.gofer.txt"), "I1202 gofer of " + CONTAINER + "\n");
        Optional<String> panic = new SandboxLog(logs).panicOf(CONTAINER);
        assertEquals(Optional.of("panic: running on goroutine 35775410105632 (task goroutine for kernel.Task 0x20899cdbc008 is 0)"
                + " at gvisor.dev/gvisor/pkg/sentry/kernel.(*Task).assertTaskGoroutine (task_run.go:362)"
                + " [" + logs.resolve("runsc.log.20261202-103259.669546.boot.txt") + "]"), panic);
    }

    @Test
    void anotherContainersLogOrNoLogGivesNothingAndSaysWhereItLooked() throws IOException {
        copyBootLog("runsc.log.20261202-103259.669546.boot.txt");
        SandboxLog log = new SandboxLog(logs);
        assertEquals(Optional.empty(), log.panicOf("0123456789ab" + CONTAINER.substring(12)), "another container");
        assertEquals(Optional.empty(), new SandboxLog(logs.resolve("absent")).panicOf(CONTAINER), "no log directory");
        assertTrue(log.notFound(CONTAINER).contains("c9b9e968cbc3 in " + logs), log.notFound(CONTAINER));
    }

    @Test
    void aSandboxThatLivedHasNoPanic() throws IOException {
        Files.writeString(logs.resolve("runsc.log.1.boot.txt"), "I1202 Args: [runsc-sandbox --log=/x/" + CONTAINER
                + "/log.json]\nI1202 Process should have started...\n");
        assertEquals(Optional.empty(), new SandboxLog(logs).panicOf(CONTAINER));
    }
}
