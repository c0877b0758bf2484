package org.portzero.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code diff}: two matrix.json files compared without any run directory, with the report's exit codes. */
class DiffCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND = "connect0.udp4_loopback_send_libc.refused_by_kernel";

    @Test
    void a_baseline_with_one_cell_flipped_is_one_newly_failing_entry_and_exit_4(@TempDir Path out) throws Exception {
        Path current = Files.createDirectory(out.resolve("current"));
        ReportMain.run(new String[] {"--out=" + current, "--allure=false",
                "--runs=" + FixtureRuns.runsArgument(FixtureRuns.K618_JDK17, FixtureRuns.K61_JDK17)});
        ObjectNode baseline = (ObjectNode) JSON.readTree(current.resolve("matrix.json").toFile());
        for (JsonNode row : baseline.path("rows")) {
            if (row.path("id").asText().equals(SEND)) {
                ((ObjectNode) row.path("cells").path("k61-jdk17")).put("verdict", "pass").put("outcome", "EINVAL");
            }
        }
        Path baselineFile = out.resolve("baseline.json");
        JSON.writeValue(baselineFile.toFile(), baseline);

        StringWriter printed = new StringWriter();
        int exit = new CommandLine(new DiffCommand()).setOut(new PrintWriter(printed)).setErr(new PrintWriter(new StringWriter()))
                .execute("--baseline", baselineFile.toString(), "--out=" + current);

        assertThat(exit).isEqualTo(ReportGate.NEWLY_FAILING);
        assertThat(JSON.readTree(current.resolve("diff.json").toFile()).path("entries")).hasSize(1);
        assertThat(printed.toString()).contains("### newly failing (1)", "`" + SEND + "`");

        int same = new CommandLine(new DiffCommand()).setOut(new PrintWriter(new StringWriter()))
                .execute("--baseline=" + current.resolve("matrix.json"), "--current", current.resolve("matrix.json").toString(),
                        "--out", out.resolve("same").toString());
        assertThat(same).isZero();
        assertThat(Files.readString(out.resolve("same/diff.md"))).contains("No cell changed.");
    }

    @Test
    void a_missing_baseline_is_exit_2_naming_it(@TempDir Path out) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new DiffCommand()).setErr(new PrintWriter(err))
                .execute("--baseline", out.resolve("nope.json").toString(), "--out", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nope.json does not exist");
    }
}
