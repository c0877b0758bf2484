package org.portzero.containers.run;

import org.junit.jupiter.api.Test;
import org.portzero.model.RunStatus;
import org.portzero.model.Verdict;

import java.io.IOException;
import org.portzero.containers.platform.DeclaredFacts;
import org.portzero.model.Gate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verdicts are counted from observations.json; FAIL and BROKEN fail the gate, nothing else does. */
class VerdictTallyTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** The tally of an observations.json holding {@code json}. */
    private VerdictTally tallyOf(String json) throws IOException {
        return VerdictTally.read(java.nio.file.Files.writeString(dir.resolve("observations.json"), json)).orElseThrow();
    }

    @Test
    void countsEveryVerdictAndListsTheGateFailures() throws IOException {
        VerdictTally tally = tallyOf("""
                {"schemaVersion":1,"wallMillis":3400,"results":[
                 {"id":"bind0.tcp4_loopback_socket.port_nonzero","verdict":"pass"},
                 {"id":"bind0.tcp4_loopback_nio.port_nonzero","verdict":"pass"},
                 {"id":"connect0.udp6_loopback_socket.refused_by_jdk","verdict":"skip","message":"no IPv6"},
                 {"id":"unique.tcp4_loopback_libc.ports_distinct","verdict":"fail","message":"duplicate 40001\\nmore"},
                 {"id":"connected.tcp_dual_libc.v4_mapped_form","verdict":"broken","message":"EADDRNOTAVAIL"},
                 {"id":"wildcard.x_x.y","verdict":"xfail"},
                 {"id":"unique.sequence_libc.port_table_holds","verdict":"flaky","message":"held on the re-run"}]}
                """);
        assertEquals(Map.of(Verdict.PASS, 2, Verdict.FAIL, 1, Verdict.XFAIL, 1, Verdict.XPASS, 0, Verdict.FLAKY, 1,
                Verdict.SKIP, 1, Verdict.BROKEN, 1), tally.counts());
        Gate.Decision gate = Gate.of(List.of(outcome(RunStatus.COMPLETED, tally).forGate()));
        assertEquals(List.of("p: flaky unique.sequence_libc.port_table_holds — held on the re-run"), gate.flaky(),
                "flaky results are listed apart and do not gate");
        assertEquals(List.of("p: fail unique.tcp4_loopback_libc.ports_distinct — duplicate 40001 / more",
                "p: broken connected.tcp_dual_libc.v4_mapped_form — EADDRNOTAVAIL"), gate.failures());
        assertEquals(3400, tally.wallMillis());
        assertEquals(7, tally.total());
        assertEquals("pass   2  fail   1  xfail   1  xpass   0  flaky   1  skip   1  broken   1", tally.countsLine());
    }

    @Test
    void anUnknownVerdictIsAnError() {
        assertThrows(IOException.class, () -> tallyOf("{\"results\":[{\"id\":\"bind0.b.c\",\"verdict\":\"maybe\"}]}"));
        assertThrows(IOException.class, () -> tallyOf("{\"results\":[{\"id\":\"bind0.b.c\",\"verdict\":\"PASS\"}]}"),
                "one spelling: a capitalised verdict is not one");
        assertThrows(IOException.class, () -> tallyOf("{\"wallMillis\":1}"));
    }

    @Test
    void aTruncatedObservationsFileIsAnErrorNamingTheFileAndLine()
            throws IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("observations.json"),
                "{\"results\":[\n {\"id\":\"bind0.b.c\",\"verdict\":\"pass\"},\n {\"id\":\"bind0.b.d\",\"verd");
        IOException truncated = assertThrows(IOException.class, () -> VerdictTally.read(file));
        assertTrue(truncated.getMessage().contains(file + ":3:"), truncated.getMessage());

        java.nio.file.Files.writeString(file, "{\"results\":[{\"id\":\"bind0.b.c\",\"verdict\":\"pass\"},{\"id\":\"bind0.b.d\",\"verdict\":7}]}");
        IOException unknown = assertThrows(IOException.class, () -> VerdictTally.read(file));
        assertTrue(unknown.getMessage().contains(file + ":1: field 'results[1].verdict': "), unknown.getMessage());
    }

    @Test
    void theGateFailsOnBrokenPlatformsAndFailingChecksOnly() throws IOException {
        VerdictTally clean = tallyOf("""
                {"wallMillis":1000,"results":[{"id":"bind0.a.b","verdict":"pass"},{"id":"bind0.a.c","verdict":"xfail"},
                 {"id":"bind0.a.d","verdict":"skip"}]}""");
        VerdictTally failing = tallyOf("{\"wallMillis\":1000,\"results\":[{\"id\":\"bind0.a.b\",\"verdict\":\"fail\"}]}");
        RunOutcome passed = outcome(RunStatus.COMPLETED, clean);
        RunOutcome failed = outcome(RunStatus.COMPLETED, failing);
        RunOutcome broken = RunOutcome.broken("p", "container", "", "container exited with 1");
        RunOutcome skipped = RunOutcome.skipped("p", "container", "", "no jdkHome");
        assertTrue(gate(passed).passes(), "pass/xfail/skip pass the gate");
        assertFalse(gate(failed).passes(), "a FAIL fails the gate");
        assertFalse(gate(broken).passes(), "a broken platform fails the gate");
        assertTrue(gate(skipped).passes(), "a skipped platform does not");
        assertEquals(Optional.of(1500L), passed.overheadMillis(), "overhead = wall - runner wall");
    }

    @Test
    void aCompletedRunWithGapsOrUnmetDeclaredFactsIsBroken() throws IOException {
        VerdictTally onlySkips = tallyOf("{\"results\":[{\"id\":\"bind0.a.b\",\"verdict\":\"skip\"}]}");
        RunOutcome held = outcome(RunStatus.COMPLETED, onlySkips).heldTo(DeclaredFacts.HOST, Optional.empty());
        assertEquals(RunStatus.BROKEN, held.status());
        assertTrue(held.note().contains("no result other than skip"), held.note());
        assertTrue(held.note().contains("no readable platform.json"), held.note());
    }

    private static Gate.Decision gate(RunOutcome outcome) {
        return Gate.of(List.of(outcome.forGate()));
    }

    static RunOutcome outcome(RunStatus status, VerdictTally tally) {
        return new RunOutcome("p", "container", "", Optional.of("portzero/p:r1"), status, "", Optional.of(0), 2500,
                Optional.of(tally));
    }
}
