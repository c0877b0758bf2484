package org.portzero.reports;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code report}: merges run directories into every report ({@link ReportMain}) and gates. The
 * reports jar's own command line ({@code java -jar portzero-reports.jar}), the one the Maven build
 * runs after the platforms ({@code --out=DIR --baseline= …}: an empty value is "not given"), and
 * {@code java -jar portzero.jar report}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = ReportsVersion.class,
        description = {"Merges run directories into OUT/allure-report/index.html, OUT/matrix.html/.md/.json and",
                "OUT/junit/TEST-<platform>.xml; with --baseline also OUT/diff.md and OUT/diff.json. Then gates."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no fail, no broken, nothing newly failing", "1:it could not write the reports",
                "2:bad arguments, no run directory, or a malformed baseline (the other reports are written)",
                "3:a platform has a fail or broken result, or broke",
                "4:newly failing against the baseline (with --strict-diff, any changed observation)"})
public final class ReportCommand implements Callable<Integer> {

    /** How the reports jar names itself in its usage. */
    public static final String JAR = "java -jar portzero-reports.jar";

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/portzero",
            description = "Where the reports go, and whose runs/ is read (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--runs", paramLabel = "DIR[,DIR]", defaultValue = "",
            description = "The run directories to merge, each named by its platform (default: every directory under OUT/runs/).")
    private String runs;

    @Option(names = "--baseline", paramLabel = "FILE", defaultValue = "",
            description = "An earlier matrix.json: writes diff.md and diff.json and marks the changed cells.")
    private Path baseline;

    @Option(names = "--strict-diff", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "A changed observation against the baseline fails too (exit 4).")
    private boolean strictDiff;

    @Option(names = "--allure", arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Whether to make the Allure report (--allure=false: the matrix, the diff and the gate only).")
    private boolean allure;

    @Option(names = "--allure-home", paramLabel = "DIR", defaultValue = "",
            description = "An unpacked allure-commandline (default: unpack its zip from ~/.m2).")
    private String allureHome;

    @Spec
    private CommandSpec spec;

    /** The reports jar's command line. */
    public static CommandLine commandLine() {
        return new CommandLine(new ReportCommand()).setCommandName(JAR);
    }

    /** What this command line asks for. */
    ReportOptions options() {
        return new ReportOptions(out.toAbsolutePath().normalize(), runs.strip(), baseline.toString().strip(), strictDiff,
                allureHome.strip(), allure);
    }

    @Override
    public Integer call() {
        try {
            return ReportMain.run(options());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
