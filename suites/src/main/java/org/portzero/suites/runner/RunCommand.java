package org.portzero.suites.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.portzero.model.Family;
import org.portzero.model.RunnerProperty;
import org.portzero.suites.catalogue.CatalogueSuite;
import org.portzero.model.CheckSelection;
import org.portzero.suites.catalogue.PropertySettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code run}: the catalogue on this machine, into one run directory. The runner jar's own command
 * line ({@code java -jar portzero-suites-runner.jar}, which the platform matrix starts on every
 * platform) and {@code java -jar portzero.jar run}. An option overrides the system property it stands
 * for ({@code --seed} and {@code -Dportzero.seed}); {@code --families} is what a platform offers, and
 * only the families it and {@code -Dportzero.families} both name run.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = RunnerVersion.class,
        description = {"Runs the catalogue on this machine and writes DIR/observations.json, DIR/platform.json,",
                "DIR/allure-results/ and DIR/junit/. The same properties as system properties: "
                        + "-Dportzero.seed, -Dportzero.examples, -Dportzero.families, -Dportzero.checks."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:it ran, whatever the verdicts", "1:it could not run",
                "2:bad arguments, or a selection that matches no check"})
public final class RunCommand implements Callable<Integer> {

    /** How the runner jar names itself in its usage. */
    public static final String JAR = "java -jar portzero-suites-runner.jar";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory to write.")
    private Path out;

    @Mixin
    private SelectionOptions selection = new SelectionOptions();

    @Mixin
    private PropertyOptions properties = new PropertyOptions();

    @Spec
    private CommandSpec spec;

    /** The runner jar's command line. */
    public static CommandLine commandLine() {
        return new CommandLine(new RunCommand()).setCommandName(JAR);
    }

    @Override
    public Integer call() {
        Map<RunnerProperty, String> given = selection.given();
        given.remove(RunnerProperty.FAMILIES);   // --families is what this platform offers: RunnerOptions.families
        given.putAll(properties.given());
        given.forEach((property, value) -> System.setProperty(property.key(), value));

        List<Family> families;
        try {
            PropertySettings.fromSystemProperties();   // a bad -Dportzero.seed or -Dportzero.examples stops here
            CheckSelection.fromSystemProperties();     // so does a -Dportzero.checks naming no family
            families = RunnerOptions.families(selection.families(), CatalogueSuite.selected());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        RunnerOptions options = new RunnerOptions(out, selection.families());
        try {
            if (RunnerMain.run(options, families).isEmpty() && !CheckSelection.fromSystemProperties().selectsEverything()) {
                System.err.println("portzero runner: -D" + RunnerProperty.CHECKS.key() + "="
                        + CheckSelection.fromSystemProperties() + " matches no check of " + families);
                return 2;
            }
        } catch (Exception e) {
            System.err.println("portzero runner: could not run: " + e);
            e.printStackTrace();
            return 1;
        }
        return 0;
    }
}
