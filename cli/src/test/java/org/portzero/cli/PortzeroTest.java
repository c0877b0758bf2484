package org.portzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portzero.containers.matrix.MatrixLaunch;
import org.portzero.containers.matrix.MatrixOptions;
import org.portzero.containers.matrix.MatrixProperty;
import org.portzero.model.Family;
import org.portzero.model.RunnerProperty;
import org.portzero.model.CheckSelection;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The command line's shape: every subcommand parses, helps, and spells the same thing the same way. */
class PortzeroTest {

    private static final List<String> COMMANDS = List.of("run", "matrix", "report", "diff", "list-checks");

    @Test
    void theCommandsAreTheFiveOfTheIssue() {
        assertThat(Portzero.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(COMMANDS);
    }

    @Test
    void helpExitsZeroAndListsEveryCommand() {
        Console help = Console.of("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: portzero").contains(COMMANDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "matrix", "report", "diff", "list-checks"})
    void everyCommandsHelpExitsZero(String command) {
        Console help = Console.of(command, "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: portzero " + command);
    }

    @Test
    void versionExitsZeroAndNamesTheHarness() {
        Console version = Console.of("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("portzero ");
    }

    @Test
    void anUnknownOptionExitsTwoWithTheUsage() {
        Console bad = Console.of("run", "--out", "/tmp/x", "--no-such-option");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option: '--no-such-option'", "Usage: portzero run");
    }

    @Test
    void noCommandExitsTwoWithTheUsage() {
        Console none = Console.of();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing a command", "Usage: portzero");
    }

    @Test
    void anUnknownFamilyOrAGlobNamingNoFamilyExitsTwoNamingIt() {
        assertThat(Console.of("list-checks", "--families", "bind9")).satisfies(c -> {
            assertThat(c.exit()).isEqualTo(2);
            assertThat(c.err()).contains("unknown family 'bind9'");
        });
        assertThat(Console.of("run", "--out", "/tmp/x", "--checks", "bind9.*").exit()).isEqualTo(2);
        assertThat(Console.of("run", "--out", "/tmp/x", "--seed", "forty-two").exit()).isEqualTo(2);
    }

    @Test
    void runParsesItsOptionsSpacedOrWithEquals() {
        ParseResult spaced = sub("run", "--out", "/tmp/pz", "--families", "bind0,unique", "--checks", "bind0.*",
                "--seed", "424242", "--examples", "7");
        ParseResult equals = sub("run", "--out=/tmp/pz", "--families=bind0,unique", "--checks=bind0.*",
                "--seed=424242", "--examples=7");
        for (ParseResult run : List.of(spaced, equals)) {
            assertThat(run.<Path>matchedOptionValue("--out", null)).isEqualTo(Path.of("/tmp/pz"));
            assertThat(run.<List<Family>>matchedOptionValue("--families", null)).containsExactly(Family.BIND0, Family.UNIQUE);
            assertThat(run.<CheckSelection>matchedOptionValue("--checks", null)).isEqualTo(CheckSelection.of("bind0.*"));
            assertThat(run.<Long>matchedOptionValue("--seed", null)).isEqualTo(424242L);
            assertThat(run.<Integer>matchedOptionValue("--examples", null)).isEqualTo(7);
        }
        assertThat(Console.of("run").err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void reportTakesWhatTheMavenBuildPasses() {
        ParseResult report = sub("report", "--out=/tmp/pz", "--runs=", "--baseline=", "--strict-diff=false",
                "--allure=false", "--allure-home=/opt/allure");
        assertThat(report.<Path>matchedOptionValue("--out", null)).isEqualTo(Path.of("/tmp/pz"));
        assertThat(report.<Path>matchedOptionValue("--baseline", null)).isEqualTo(Path.of(""));
        assertThat(report.<Boolean>matchedOptionValue("--strict-diff", null)).isFalse();
        assertThat(report.<Boolean>matchedOptionValue("--allure", null)).isFalse();
        assertThat(sub("report", "--strict-diff", "--baseline", "old/matrix.json")
                .<Boolean>matchedOptionValue("--strict-diff", null)).isTrue();
    }

    @Test
    void diffNeedsItsBaseline() {
        ParseResult diff = sub("diff", "--baseline", "old.json", "--current=new.json", "--out", "/tmp/pz");
        assertThat(diff.<Path>matchedOptionValue("--baseline", null)).isEqualTo(Path.of("old.json"));
        assertThat(diff.<Path>matchedOptionValue("--current", null)).isEqualTo(Path.of("new.json"));
        Console missing = Console.of("diff");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--baseline=FILE'");
    }

    @Test
    void matrixGivesTheMatrixJvmEveryPropertyTheBuildGivesIt() {
        ParseResult parsed = sub("matrix", "--out", "/tmp/pz", "--platforms", "host,narrow-range",
                "--platforms-dir=mine", "--parallel", "1", "--progress", "quiet", "--require-containers",
                "--checks", "bind0.*", "--families=bind0", "--seed", "424242", "--examples", "3");
        MatrixLaunch launch = ((MatrixCommand) parsed.commandSpec().userObject()).launch();

        assertThat(launch.properties()).containsEntry(MatrixProperty.OUT, "/tmp/pz")
                .containsEntry(MatrixProperty.PLATFORMS, "host,narrow-range")
                .containsEntry(MatrixProperty.PLATFORMS_DIR, Path.of("mine").toAbsolutePath().toString())
                .containsEntry(MatrixProperty.PARALLEL, "1")
                .containsEntry(MatrixProperty.PROGRESS, "quiet")
                .containsEntry(MatrixProperty.REQUIRE_CONTAINERS, "true")
                .containsEntry(MatrixProperty.STOP_WITH_PARENT, "true")
                .containsKeys(MatrixProperty.RUNNER_JAR, MatrixProperty.PLATFORMS_HOME, MatrixProperty.INVOKED_FROM);
        assertThat(launch.runner().forwarded()).isEqualTo(Map.of(RunnerProperty.CHECKS, "bind0.*",
                RunnerProperty.FAMILIES, "bind0", RunnerProperty.SEED, "424242", RunnerProperty.EXAMPLES, "3"));

        Properties system = launch.systemProperties();
        system.setProperty("java.home", System.getProperty("java.home"));
        MatrixOptions options = MatrixOptions.from(system);
        assertThat(options.selection()).containsExactly("host", "narrow-range");
        assertThat(options.parallel()).isEqualTo(1);
        assertThat(options.requireContainers()).isTrue();
        assertThat(options.runner()).isEqualTo(launch.runner());

        ProcessBuilder jvm = launch.process(Path.of("/usr/bin/java"), "portzero.jar");
        assertThat(jvm.environment()).containsAllEntriesOf(MatrixLaunch.TESTCONTAINERS_ENVIRONMENT);
        assertThat(jvm.command()).containsSequence("-classpath", "portzero.jar",
                "org.portzero.containers.matrix.MatrixMain").containsAll(MatrixLaunch.LOGGING)
                .contains("-Dportzero.seed=424242", "-Dportzero.checks=bind0.*");
    }

    @Test
    void theRunnersPropertiesAreOptionsOfTheSameNameWhereverTheyAreTaken() {
        for (String command : List.of("run", "matrix")) {
            for (RunnerProperty property : RunnerProperty.FORWARDED) {
                assertThat(spec(command).findOption(property.option())).as(command + " " + property.option()).isNotNull();
            }
        }
        assertThat(RunnerProperty.SEED.option()).isEqualTo("--seed");
    }

    @Test
    void anOptionNamedAlikeInTwoCommandsTakesTheSameKindOfValue() {
        Map<String, String> seen = new HashMap<>();
        for (String command : COMMANDS) {
            for (OptionSpec option : spec(command).options()) {
                String kind = option.type().getName() + " " + option.paramLabel() + " " + option.arity();
                String first = seen.putIfAbsent(option.longestName(), kind);
                assertThat(first == null ? kind : first).as(command + " " + option.longestName()).isEqualTo(kind);
            }
        }
        assertThat(seen).containsKeys("--out", "--platforms", "--families", "--checks", "--seed", "--examples", "--baseline");
    }

    private static CommandSpec spec(String command) {
        return Portzero.commandLine().getSubcommands().get(command).getCommandSpec();
    }

    private static ParseResult sub(String... args) {
        return Portzero.commandLine().parseArgs(args).subcommand();
    }
}
