package org.portzero.containers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.EphemeralRange;
import org.portzero.model.KernelAnswer;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortSet;

/** platform.json as the runner writes it reads back whole: the declared facts are held to it. */
class RunOutputFactsTest {

    @TempDir
    Path dir;

    @Test
    void whatTheRunnerWritesReadsBackAsTheSameFacts() throws Exception {
        PlatformFacts written = new PlatformFacts("6.12.57+deb13-amd64", new EphemeralRange(40000, 40099),
                PortSet.parse("40000-40009,40011-40039"), 1024, 0, true, true, 10001, "Debian GNU/Linux 13 (trixie)",
                "Debian", "25.0.1", "25.0.1+8-Debian-1", Map.of("java.net.preferIPv6Addresses", "false"),
                KernelAnswer.refused("socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)", "EPROTONOSUPPORT"));
        RunOutput out = new RunOutput(dir);
        Files.createDirectories(dir);
        // the runner's own writer (RunnerMain): an indenting Jackson mapper over the record
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.layout().facts().toFile(), written);

        Optional<PlatformFacts> read = out.facts();

        assertTrue(read.isPresent(), "platform.json read");
        assertEquals(written.portRange(), read.get().portRange());
        assertEquals(written.reservedPorts(), read.get().reservedPorts());
        assertEquals(written.ipv6Usable(), read.get().ipv6Usable());
        assertEquals(written.bindV6Only(), read.get().bindV6Only());
        assertEquals(written.javaNetProperties(), read.get().javaNetProperties());
    }

    @Test
    void aMissingOrDamagedFileIsEmpty() throws Exception {
        RunOutput out = new RunOutput(dir);
        assertEquals(Optional.empty(), out.facts());
        Files.writeString(out.layout().facts(), "{\"kernel\": ");
        assertEquals(Optional.empty(), out.facts());
    }
}
