package org.portzero.containers.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.containers.platform.ContainerRuntime;
import org.portzero.containers.platform.ImageSource;
import org.portzero.containers.platform.NetworkMode;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.model.Observations;
import org.portzero.model.ObservationsFile;
import org.portzero.model.ObservationsHeader;
import org.portzero.model.RunStatus;
import org.portzero.model.RunnerProperty;
import org.portzero.model.RunnerSettings;
import org.portzero.model.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One sandbox per family: a family whose sandbox died costs that family alone. Its listed checks come
 * back broken with the cause; a family that died before listing is named as such; the others keep
 * every result.
 */
class FamilySandboxesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PANIC = "the gVisor netstack sandbox died (exit 2): panic: running on goroutine 0";

    @TempDir
    Path runs;

    private static PlatformDefinition gvisor(List<String> families) {
        return new PlatformDefinition("g", "gVisor", new ImageSource.SharedImage("debian13-jdk25"), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), NetworkMode.NONE, PlatformDefinition.DEFAULT_USER, List.of(),
                PlatformDefinition.DEFAULT_MEMORY_BYTES, Duration.ofMinutes(1), families, Path.of("."), Optional.empty(),
                ContainerRuntime.RUNSC);
    }

    @Test
    void theFamiliesAreWhatThePlatformOffersAndTheSelectionReaches() {
        assertEquals(List.of(Family.values()), FamilySandboxesRun.families(gvisor(List.of()), RunnerSettings.NONE));
        assertEquals(List.of(Family.of("bind0"), Family.of("unique")),
                FamilySandboxesRun.families(gvisor(List.of("unique", "bind0", "exhaust")),
                        new RunnerSettings(Map.of(RunnerProperty.FAMILIES, "bind0,unique,connect0"))));
        assertEquals(List.of(Family.of("connect0")), FamilySandboxesRun.families(gvisor(List.of()),
                new RunnerSettings(Map.of(RunnerProperty.CHECKS, "connect0.*"))));
    }

    private static ObjectNode result(String id, String verdict, String message) {
        String[] parts = id.split("\\.");
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id).put("family", parts[0]).put("variant", parts[1]).put("check", parts[2]).put("layer", "libc")
                .put("verdict", verdict).put("message", message);
        return r;
    }

    private static void write(Path file, Family family, List<String> ids, List<ObjectNode> results) throws IOException {
        ObservationsFile.write(file, new ObservationsHeader(ObservationsFile.SCHEMA_VERSION, "dev", "now", 1000,
                List.of(family), Map.of(), Map.of(), List.of(FamilyPlan.listed(family, ids))), results);
    }

    @Test
    void aDeadFamilyKeepsItsListedChecksAsBrokenAndTheOthersKeepEveryResult() throws IOException {
        RunOutput platform = RunOutput.of(runs, "g").clean();
        Path sandboxes = platform.path().resolve(FamilySandboxesRun.SANDBOXES);
        RunOutput bind0 = new RunOutput(sandboxes.resolve("bind0")).clean();
        write(bind0.observations(), Family.of("bind0"), List.of("bind0.tcp4_loopback_libc.port_in_range"),
                List.of(result("bind0.tcp4_loopback_libc.port_in_range", "pass", null)));
        Files.writeString(bind0.layout().facts(), "{\"kernel\": \"4.4.0\"}");
        Files.createDirectories(bind0.layout().allureResults());
        Files.writeString(bind0.layout().allureResults().resolve("a-result.json"), "{}");
        RunOutput unique = new RunOutput(sandboxes.resolve("unique")).clean();
        List<String> listed = List.of("unique.crowd_tcp4_libc.ports_distinct", "unique.crowd_udp4_libc.ports_distinct");
        write(unique.layout().listed(), Family.of("unique"), listed, listed.stream()
                .map(id -> result(id, "broken", "listed but no result was recorded: the runner stopped")).toList());
        RunOutput exhaust = new RunOutput(sandboxes.resolve("exhaust")).clean();

        RunOutcome died = RunOutcome.broken("g", "container", "gVisor", PANIC);
        RunOutcome lived = new RunOutcome("g", "container", "gVisor", Optional.empty(), RunStatus.COMPLETED, "",
                Optional.of(0), 5000, Optional.empty());
        FamilySandboxesRun.assemble(platform, List.of(
                new FamilySandboxesRun.Sandbox(Family.of("bind0"), bind0, lived),
                new FamilySandboxesRun.Sandbox(Family.of("unique"), unique, died),
                new FamilySandboxesRun.Sandbox(Family.of("exhaust"), exhaust, died)));

        Observations merged = ObservationsFile.read(platform.observations());
        assertTrue(merged.intact(), merged.damage().toString());
        assertEquals(3, merged.results().size(), "bind0's result and unique's two listed checks");
        assertEquals(Verdict.PASS, merged.results().get(0).verdict());
        merged.results().subList(1, 3).forEach(r -> {
            assertEquals(Verdict.BROKEN, r.verdict(), r.id().toString());
            assertEquals("the family's sandbox ended before this check did: " + PANIC, r.message());
        });
        assertEquals(List.of("family exhaust could not list its checks: its sandbox ended before it listed its checks: "
                + PANIC), merged.gaps(), "exhaust died before listing: the platform is broken, saying so");
        assertEquals(List.of("bind0", "unique", "exhaust"),
                merged.catalogue().orElseThrow().stream().map(p -> p.family().id()).toList());
        assertTrue(Files.isRegularFile(platform.layout().facts()), "platform.json from a sandbox that wrote one");
        try (var files = Files.list(platform.layout().allureResults())) {
            assertEquals(1, files.count(), "bind0's Allure result, moved; the dead checks get theirs from the reports");
        }
    }
}
