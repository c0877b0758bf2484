package org.portzero.cli;

import org.portzero.reports.DiffCommand;
import org.portzero.reports.ReportCommand;
import org.portzero.suites.runner.ListChecksCommand;
import org.portzero.suites.runner.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar portzero.jar}: each room's command under one name. {@code run} and {@code list-checks}
 * are the suites' (the runner jar's own command line), {@code report} and {@code diff} the reports',
 * {@code matrix} starts the containers' platform matrix as the Maven build does. The same option means
 * the same thing in every subcommand ({@code PortzeroTest} holds them to it).
 */
@Command(name = "portzero", mixinStandardHelpOptions = true, versionProvider = PortzeroVersion.class,
        description = {"A conformance harness for port-0 socket behaviour. Maven stays the main way "
                + "(mvn -B verify, mvn -B test); these are its parts, one at a time."},
        subcommands = {RunCommand.class, MatrixCommand.class, ReportCommand.class, DiffCommand.class,
                ListChecksCommand.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "'portzero COMMAND --help' says more. Options take their value as --out DIR or --out=DIR."})
public final class Portzero implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Portzero()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** No subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command: one of " + spec.subcommands().keySet());
    }
}
