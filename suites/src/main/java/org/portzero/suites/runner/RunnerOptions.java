package org.portzero.suites.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portzero.model.Family;

/** The runner's command line. */
record RunnerOptions(Path out, List<Family> families) {

    static final String USAGE = "usage: java -jar portzero-suites-runner.jar --out DIR [--families f1,f2]\n"
            + "  families: " + Family.ids() + "\n"
            + "  -Dportzero.seed=N replays properties; -Dportzero.examples=N sets their example count\n"
            + "  -Dportzero.families=f1,f2 and -Dportzero.checks=GLOB[,GLOB] (bind0.*) narrow what runs";

    /**
     * The families to run: those {@code --families} names (all when it names none) that the system
     * properties select too ({@code asked}: {@code -Dportzero.families}, and the families
     * {@code -Dportzero.checks} can reach), in run order. None in common is an error naming both.
     */
    static List<Family> families(List<Family> platform, List<Family> asked) {
        List<Family> offered = platform.isEmpty() ? List.of(Family.values()) : platform;
        List<Family> both = Family.runOrder(offered.stream().filter(asked::contains).distinct().toList());
        if (both.isEmpty()) {
            throw new IllegalArgumentException("this platform runs the families " + ids(offered)
                    + ", the selection (-Dportzero.families, -Dportzero.checks) asks for " + ids(asked) + ": none in common");
        }
        return both;
    }

    static RunnerOptions parse(String[] args) {
        Path out = null;
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--families" -> {
                    for (String f : value(args, ++i, "--families").split(",")) {
                        families.add(Family.of(f));
                    }
                }
                case "-h", "--help" -> throw new IllegalArgumentException("help");
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new RunnerOptions(out, List.copyOf(families));
    }

    private static String ids(List<Family> families) {
        return families.stream().map(Family::id).toList().toString();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
