package org.portzero.reports;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.portzero.model.MalformedInput;
import org.portzero.reports.diff.BaselineDiff;
import org.portzero.reports.diff.DiffReport;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: a baseline {@code matrix.json} against the current one, cell by cell
 * ({@link BaselineDiff}), without reading any run directory: writes {@code diff.md} and
 * {@code diff.json}, prints {@code diff.md}, and exits as the report's gate does on a baseline.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = ReportsVersion.class,
        description = {"Compares a baseline matrix.json with the current one (OUT/matrix.json unless --current),",
                "writes OUT/diff.md and OUT/diff.json and prints diff.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing newly failing", "1:it could not write the diff",
                "2:a matrix.json is missing or malformed",
                "4:newly failing against the baseline (with --strict-diff, any changed observation)"})
public final class DiffCommand implements Callable<Integer> {

    @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "The earlier matrix.json.")
    private Path baseline;

    @Option(names = "--current", paramLabel = "FILE", description = "The current matrix.json (default: OUT/matrix.json).")
    private Path current;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/portzero",
            description = "Where diff.md and diff.json go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--strict-diff", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "A changed observation fails too (exit 4).")
    private boolean strictDiff;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path currentFile = current != null ? current : out.resolve("matrix.json");
        Matrix before;
        Matrix after;
        try {
            before = MatrixJson.read(baseline);
            after = MatrixJson.read(currentFile);
        } catch (NoSuchFileException e) {
            err.println("portzero diff: " + e.getFile() + " does not exist");
            return 2;
        } catch (MalformedInput e) {
            err.println("portzero diff: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("portzero diff: " + e);
            return 2;
        }
        BaselineDiff diff = BaselineDiff.between(before, after);
        try {
            Files.createDirectories(out);
            DiffReport.write(diff, out);
        } catch (IOException e) {
            err.println("portzero diff: could not write " + out + ": " + e);
            return 1;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(DiffReport.markdown(diff));
        stdout.flush();
        ReportGate gate = ReportGate.of(List.of(), diff, strictDiff);
        gate.reasons().forEach(err::println);
        return gate.exitCode();
    }
}
