package org.portzero.containers.run;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only containers whose making process is gone (on this host) are swept. */
class HarnessContainersTest {

    @Test
    void containersOfLiveProcessesAreKept() {
        String self = Long.toString(ProcessHandle.current().pid());
        assertFalse(HarnessContainers.isStale(Map.of(HarnessContainers.LABEL_PID, self,
                HarnessContainers.LABEL_HOST, "here"), "here"), "made by this very process");
    }

    @Test
    void containersOfDeadProcessesAreStale() throws IOException, InterruptedException {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        assertTrue(HarnessContainers.isStale(Map.of(HarnessContainers.LABEL_PID, Long.toString(finished.pid()),
                HarnessContainers.LABEL_HOST, "here"), "here"), "made by a process that exited");
    }

    @Test
    void unlabelledAndForeignContainersAreJudgedByTheirLabels() {
        assertTrue(HarnessContainers.isStale(Map.of(HarnessContainers.LABEL_HARNESS, HarnessContainers.HARNESS), "here"),
                "no pid label: nobody owns it");
        assertFalse(HarnessContainers.isStale(Map.of(HarnessContainers.LABEL_PID, "1",
                HarnessContainers.LABEL_HOST, "elsewhere"), "here"), "another host's container is left alone");
    }
}
