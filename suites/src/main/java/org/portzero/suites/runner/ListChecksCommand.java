package org.portzero.suites.runner;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CatalogueSuite;
import org.portzero.suites.catalogue.Check;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code list-checks}: the catalogue as this machine lists it, without running a check; one line per
 * check, tab-separated: id, family, claim, spec links ({@code name <url>}, several joined by {@code " ; "}).
 */
@Command(name = "list-checks", mixinStandardHelpOptions = true, versionProvider = RunnerVersion.class,
        description = {"Lists the catalogue without running it, one check per line, tab-separated:",
                "id, family, claim, spec links (name <url>, several joined by ' ; ')."})
public final class ListChecksCommand implements Callable<Integer> {

    /** Between the columns of a line. */
    public static final String COLUMNS = "\t";

    @Mixin
    private SelectionOptions selection = new SelectionOptions();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Check> checks = CatalogueSuite.catalogue(Bench.current(), selection.families(), selection.checks());
        checks.forEach(check -> out.println(line(check)));
        out.flush();
        return 0;
    }

    /** {@code bind0.tcp4_loopback_socket.port_in_range	bind0	the claim	bind(2) <https://…>}. */
    static String line(Check check) {
        return String.join(COLUMNS, check.id().toString(), check.family().id(), oneLine(check.claim()),
                check.specs().stream().map(s -> s.name() + " <" + s.url() + ">").collect(Collectors.joining(" ; ")));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
