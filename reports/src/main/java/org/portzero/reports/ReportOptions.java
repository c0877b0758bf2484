package org.portzero.reports;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The report command's options, as {@code --name=value} arguments (the Maven build passes its
 * {@code portzero.*} properties this way; an empty value means "not given").
 *
 * @param out         where the reports go ({@code target/portzero})
 * @param runs        comma-separated run directories; empty: every {@code <out>/runs/*}
 * @param baseline    an earlier matrix.json to diff against, or empty
 * @param strictDiff  whether a changed observation fails the build
 * @param allureHome  an unpacked allure-commandline, or empty (then ~/.m2's zip is unpacked)
 * @param allure      whether to generate the Allure report at all
 */
public record ReportOptions(Path out, String runs, String baseline, boolean strictDiff, String allureHome,
                            boolean allure) {

    public static final String USAGE = """
            usage: java -jar portzero-reports.jar [--out=DIR] [--runs=DIR,DIR] [--baseline=matrix.json]
                                                  [--strict-diff=true] [--allure-home=DIR] [--allure=false]
              --out        where reports go (default target/portzero)
              --runs       run directories to merge (default: every directory under OUT/runs/)
              --baseline   an earlier matrix.json: writes diff.md and diff.json
              --strict-diff  a changed observation fails too (exit 4)
              --allure-home  unpacked allure-commandline 2.33.0 (default: unpack it from ~/.m2)
              --allure=false  skip the Allure report (matrix and diff only)
            exit: 0 ok; 2 bad arguments or a malformed baseline (the other reports are written); 3 a platform has fail or broken; 4 newly failing against the baseline""";

    public static ReportOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1).strip());
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(arg.substring(2), args[++i].strip());
            } else {
                values.put(arg.substring(2), "true");
            }
        }
        for (String key : values.keySet()) {
            if (!java.util.Set.of("out", "runs", "baseline", "strict-diff", "allure-home", "allure", "help").contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        if (values.containsKey("help")) {
            throw new IllegalArgumentException("help");
        }
        String out = values.getOrDefault("out", "");
        return new ReportOptions(Path.of(out.isEmpty() ? "target/portzero" : out).toAbsolutePath().normalize(),
                values.getOrDefault("runs", ""), values.getOrDefault("baseline", ""),
                Boolean.parseBoolean(values.getOrDefault("strict-diff", "false")),
                values.getOrDefault("allure-home", ""),
                !"false".equalsIgnoreCase(values.getOrDefault("allure", "true")));
    }
}
