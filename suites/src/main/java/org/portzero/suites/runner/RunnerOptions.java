package org.portzero.suites.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portzero.model.Family;

/** The runner's command line. */
record RunnerOptions(Path out, List<Family> families) {

    static final String USAGE = "usage: java -jar portzero-suites-runner.jar --out DIR [--families f1,f2]\n"
            + "  families: " + Family.ids() + "\n"
            + "  -Dportzero.seed=N replays properties; -Dportzero.examples=N sets their example count";

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

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
